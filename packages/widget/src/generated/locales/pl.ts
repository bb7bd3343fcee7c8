
    // Do not modify this file by hand!
    // Re-generate this file by running lit-localize

    
    

    /* eslint-disable no-irregular-whitespace */
    /* eslint-disable @typescript-eslint/no-explicit-any */

    export const templates = {
      'ces-high': `Bardzo łatwo`,
'ces-low': `Bardzo trudno`,
'ces-question': `Jak łatwo było Ci dziś załatwić swoją sprawę?`,
'choose-score': `Wybierz ocenę, aby wysłać odpowiedź.`,
'close': `Zamknij ankietę`,
'csat-1': `Bardzo niezadowolony`,
'csat-2': `Niezadowolony`,
'csat-3': `Ani zadowolony, ani niezadowolony`,
'csat-4': `Zadowolony`,
'csat-5': `Bardzo zadowolony`,
'csat-question': `Na ile jesteś zadowolony ze swoich doświadczeń z nami?`,
'feedback': `Twoja opinia`,
'follow-up-high': `Co podoba Ci się najbardziej?`,
'follow-up-low': `Jaki jest główny powód Twojej oceny?`,
'follow-up-middle': `Co moglibyśmy poprawić?`,
'nps-high': `Bardzo prawdopodobne`,
'nps-low': `Zupełnie nieprawdopodobne`,
'nps-question': `Jak bardzo prawdopodobne jest, że polecisz nas znajomemu lub współpracownikowi?`,
'open-notice': `Na końcu strony jest otwarta krótka ankieta.`,
'send': `Wyślij`,
'send-failed': `Nie udało się wysłać odpowiedzi. Spróbuj ponownie.`,
'sending': `Wysyłanie…`,
'tab-notice': `Na końcu strony jest przycisk do wyrażenia opinii.`,
'thanks': `Dziękujemy za opinię!`,
    };
  