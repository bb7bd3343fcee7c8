
    // Do not modify this file by hand!
    // Re-generate this file by running lit-localize

    
    

    /* eslint-disable no-irregular-whitespace */
    /* eslint-disable @typescript-eslint/no-explicit-any */

    export const templates = {
      's07071cb97f23b81f': `Bardzo trudno`,
's1e32fea455ae1943': `Zamknij ankietę`,
's1fb0a10fccd35fdf': `Wybierz ocenę, aby wysłać odpowiedź.`,
's2059c211722db06b': `Zadowolony`,
's296c9be7e30df661': `Bardzo zadowolony`,
's3ecda119aafe73e7': `Ankieta`,
's4143ea8e5edf4544': `Zupełnie nieprawdopodobne`,
's4e6e6c8772f8e472': `Na ile jesteś zadowolony ze swoich doświadczeń z nami?`,
's57adf424d57c8a0f': `Wyślij`,
's58bacdd6b9a10a85': `Bardzo łatwo`,
's5d6b01658490775e': `Co moglibyśmy poprawić?`,
's6c1b00e4dc957d0a': `Co podoba Ci się najbardziej?`,
's6ead281adf0d371d': `Wysyłanie…`,
's71de7ca243dff98b': `Bardzo niezadowolony`,
's76fbd65d61ef0672': `Jak bardzo prawdopodobne jest, że polecisz nas znajomemu lub współpracownikowi?`,
's91c4e300c49233e6': `Nie udało się wysłać odpowiedzi. Spróbuj ponownie.`,
's9e9d00c88a321a5a': `Jak łatwo było Ci dziś załatwić swoją sprawę?`,
'saddaf7040ac84cf1': `Ani zadowolony, ani niezadowolony`,
'sbb588bb505779122': `Twoja opinia`,
'sbc31d8e1b74394ed': `Niezadowolony`,
'sc63c89b87c10ff4c': `Jaki jest główny powód Twojej oceny?`,
'sdf7d5e32032c2aac': `Na końcu strony jest otwarta krótka ankieta.`,
'sf1d7c751277ec33c': `Dziękujemy za opinię!`,
'sf570dcccb791e8f4': `Bardzo prawdopodobne`,
    };
  