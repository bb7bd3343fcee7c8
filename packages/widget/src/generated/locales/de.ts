
    // Do not modify this file by hand!
    // Re-generate this file by running lit-localize

    
    

    /* eslint-disable no-irregular-whitespace */
    /* eslint-disable @typescript-eslint/no-explicit-any */

    export const templates = {
      's07071cb97f23b81f': `Sehr schwierig`,
's1e32fea455ae1943': `Umfrage schließen`,
's1fb0a10fccd35fdf': `Wählen Sie eine Bewertung, um Ihre Antwort zu senden.`,
's2059c211722db06b': `Zufrieden`,
's296c9be7e30df661': `Sehr zufrieden`,
's3ecda119aafe73e7': `Umfrage`,
's4143ea8e5edf4544': `Überhaupt nicht wahrscheinlich`,
's4e6e6c8772f8e472': `Wie zufrieden sind Sie mit Ihrer Erfahrung?`,
's57adf424d57c8a0f': `Senden`,
's58bacdd6b9a10a85': `Sehr einfach`,
's5d6b01658490775e': `Was könnten wir besser machen?`,
's6c1b00e4dc957d0a': `Was gefällt Ihnen am besten?`,
's6ead281adf0d371d': `Wird gesendet …`,
's71de7ca243dff98b': `Sehr unzufrieden`,
's76fbd65d61ef0672': `Wie wahrscheinlich ist es, dass Sie uns einem Freund oder Kollegen weiterempfehlen?`,
's91c4e300c49233e6': `Ihre Antwort konnte nicht gesendet werden. Bitte versuchen Sie es erneut.`,
's9e9d00c88a321a5a': `Wie einfach war es heute, das zu bekommen, was Sie gebraucht haben?`,
'saddaf7040ac84cf1': `Weder zufrieden noch unzufrieden`,
'sbb588bb505779122': `Feedback`,
'sbc31d8e1b74394ed': `Unzufrieden`,
'sc63c89b87c10ff4c': `Was ist der Hauptgrund für Ihre Bewertung?`,
'sdf7d5e32032c2aac': `Am Ende der Seite ist eine kurze Umfrage geöffnet.`,
'sf1d7c751277ec33c': `Vielen Dank für Ihr Feedback!`,
'sf570dcccb791e8f4': `Äußerst wahrscheinlich`,
    };
  