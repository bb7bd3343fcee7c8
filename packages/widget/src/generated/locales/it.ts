
    // Do not modify this file by hand!
    // Re-generate this file by running lit-localize

    
    

    /* eslint-disable no-irregular-whitespace */
    /* eslint-disable @typescript-eslint/no-explicit-any */

    export const templates = {
      'ces-high': `Molto facile`,
'ces-low': `Molto difficile`,
'ces-question': `Quanto è stato facile ottenere ciò di cui avevi bisogno oggi?`,
'choose-score': `Scegli un punteggio per inviare la tua risposta.`,
'close': `Chiudi sondaggio`,
'csat-1': `Molto insoddisfatto`,
'csat-2': `Insoddisfatto`,
'csat-3': `Né soddisfatto né insoddisfatto`,
'csat-4': `Soddisfatto`,
'csat-5': `Molto soddisfatto`,
'csat-question': `Quanto sei soddisfatto della tua esperienza?`,
'feedback': `Feedback`,
'follow-up-high': `Cosa ti piace di più?`,
'follow-up-low': `Qual è il motivo principale del tuo punteggio?`,
'follow-up-middle': `Cosa potremmo migliorare?`,
'nps-high': `Estremamente probabile`,
'nps-low': `Per niente probabile`,
'nps-question': `Quanto è probabile che tu ci consigli a un amico o a un collega?`,
'open-notice': `In fondo alla pagina è aperto un breve sondaggio.`,
'send': `Invia`,
'send-failed': `Non è stato possibile inviare la tua risposta. Riprova.`,
'sending': `Invio in corso…`,
'tab-notice': `In fondo alla pagina c’è un pulsante per il feedback.`,
'thanks': `Grazie per il tuo feedback!`,
    };
  