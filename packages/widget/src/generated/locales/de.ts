
    // Do not modify this file by hand!
    // Re-generate this file by running lit-localize

    
    

    /* eslint-disable no-irregular-whitespace */
    /* eslint-disable @typescript-eslint/no-explicit-any */

    export const templates = {
      'ces-high': `Sehr einfach`,
'ces-low': `Sehr schwierig`,
'ces-question': `Wie einfach war es heute, das zu bekommen, was Sie gebraucht haben?`,
'choose-score': `Wählen Sie eine Bewertung, um Ihre Antwort zu senden.`,
'close': `Umfrage schließen`,
'csat-1': `Sehr unzufrieden`,
'csat-2': `Unzufrieden`,
'csat-3': `Weder zufrieden noch unzufrieden`,
'csat-4': `Zufrieden`,
'csat-5': `Sehr zufrieden`,
'csat-question': `Wie zufrieden sind Sie mit Ihrer Erfahrung?`,
'feedback': `Feedback`,
'follow-up-high': `Was gefällt Ihnen am besten?`,
'follow-up-low': `Was ist der Hauptgrund für Ihre Bewertung?`,
'follow-up-middle': `Was könnten wir besser machen?`,
'nps-high': `Äußerst wahrscheinlich`,
'nps-low': `Überhaupt nicht wahrscheinlich`,
'nps-question': `Wie wahrscheinlich ist es, dass Sie uns einem Freund oder Kollegen weiterempfehlen?`,
'open-notice': `Am Ende der Seite ist eine kurze Umfrage geöffnet.`,
'send': `Senden`,
'send-failed': `Ihre Antwort konnte nicht gesendet werden. Bitte versuchen Sie es erneut.`,
'sending': `Wird gesendet …`,
'tab-notice': `Am Ende der Seite gibt es eine Schaltfläche für Feedback.`,
'thanks': `Vielen Dank für Ihr Feedback!`,
    };
  