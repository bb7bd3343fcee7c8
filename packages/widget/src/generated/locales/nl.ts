
    // Do not modify this file by hand!
    // Re-generate this file by running lit-localize

    
    

    /* eslint-disable no-irregular-whitespace */
    /* eslint-disable @typescript-eslint/no-explicit-any */

    export const templates = {
      's07071cb97f23b81f': `Zeer moeilijk`,
's1e32fea455ae1943': `Enquête sluiten`,
's1fb0a10fccd35fdf': `Kies een score om uw antwoord te verzenden.`,
's2059c211722db06b': `Tevreden`,
's296c9be7e30df661': `Zeer tevreden`,
's3ecda119aafe73e7': `Enquête`,
's4143ea8e5edf4544': `Helemaal niet waarschijnlijk`,
's4e6e6c8772f8e472': `Hoe tevreden bent u over uw ervaring?`,
's57adf424d57c8a0f': `Verzenden`,
's58bacdd6b9a10a85': `Zeer gemakkelijk`,
's5d6b01658490775e': `Wat kunnen we verbeteren?`,
's6c1b00e4dc957d0a': `Wat bevalt u het meest?`,
's6ead281adf0d371d': `Bezig met verzenden…`,
's71de7ca243dff98b': `Zeer ontevreden`,
's76fbd65d61ef0672': `Hoe waarschijnlijk is het dat u ons zou aanbevelen aan een vriend of collega?`,
's91c4e300c49233e6': `Uw antwoord kon niet worden verzonden. Probeer het opnieuw.`,
's9e9d00c88a321a5a': `Hoe gemakkelijk was het om vandaag te krijgen wat u nodig had?`,
'saddaf7040ac84cf1': `Niet tevreden, niet ontevreden`,
'sbb588bb505779122': `Feedback`,
'sbc31d8e1b74394ed': `Ontevreden`,
'sc63c89b87c10ff4c': `Wat is de belangrijkste reden voor uw score?`,
'sdf7d5e32032c2aac': `Aan het einde van de pagina staat een korte enquête open.`,
'sf1d7c751277ec33c': `Bedankt voor uw feedback!`,
'sf570dcccb791e8f4': `Zeer waarschijnlijk`,
    };
  