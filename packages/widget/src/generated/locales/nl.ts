
    // Do not modify this file by hand!
    // Re-generate this file by running lit-localize

    
    

    /* eslint-disable no-irregular-whitespace */
    /* eslint-disable @typescript-eslint/no-explicit-any */

    export const templates = {
      'ces-high': `Zeer gemakkelijk`,
'ces-low': `Zeer moeilijk`,
'ces-question': `Hoe gemakkelijk was het om vandaag te krijgen wat u nodig had?`,
'choose-score': `Kies een score om uw antwoord te verzenden.`,
'close': `Enquête sluiten`,
'csat-1': `Zeer ontevreden`,
'csat-2': `Ontevreden`,
'csat-3': `Niet tevreden, niet ontevreden`,
'csat-4': `Tevreden`,
'csat-5': `Zeer tevreden`,
'csat-question': `Hoe tevreden bent u over uw ervaring?`,
'feedback': `Feedback`,
'follow-up-high': `Wat bevalt u het meest?`,
'follow-up-low': `Wat is de belangrijkste reden voor uw score?`,
'follow-up-middle': `Wat kunnen we verbeteren?`,
'nps-high': `Zeer waarschijnlijk`,
'nps-low': `Helemaal niet waarschijnlijk`,
'nps-question': `Hoe waarschijnlijk is het dat u ons zou aanbevelen aan een vriend of collega?`,
'open-notice': `Aan het einde van de pagina staat een korte enquête open.`,
'send': `Verzenden`,
'send-failed': `Uw antwoord kon niet worden verzonden. Probeer het opnieuw.`,
'sending': `Bezig met verzenden…`,
'tab-notice': `Aan het einde van de pagina staat een knop voor feedback.`,
'thanks': `Bedankt voor uw feedback!`,
    };
  