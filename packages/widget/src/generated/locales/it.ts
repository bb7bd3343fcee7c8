
    // Do not modify this file by hand!
    // Re-generate this file by running lit-localize

    
    

    /* eslint-disable no-irregular-whitespace */
    /* eslint-disable @typescript-eslint/no-explicit-any */

    export const templates = {
      's07071cb97f23b81f': `Molto difficile`,
's1e32fea455ae1943': `Chiudi sondaggio`,
's1fb0a10fccd35fdf': `Scegli un punteggio per inviare la tua risposta.`,
's2059c211722db06b': `Soddisfatto`,
's296c9be7e30df661': `Molto soddisfatto`,
's3ecda119aafe73e7': `Sondaggio`,
's4143ea8e5edf4544': `Per niente probabile`,
's4e6e6c8772f8e472': `Quanto sei soddisfatto della tua esperienza?`,
's57adf424d57c8a0f': `Invia`,
's58bacdd6b9a10a85': `Molto facile`,
's5d6b01658490775e': `Cosa potremmo migliorare?`,
's6c1b00e4dc957d0a': `Cosa ti piace di più?`,
's6ead281adf0d371d': `Invio in corso…`,
's71de7ca243dff98b': `Molto insoddisfatto`,
's76fbd65d61ef0672': `Quanto è probabile che tu ci consigli a un amico o a un collega?`,
's91c4e300c49233e6': `Non è stato possibile inviare la tua risposta. Riprova.`,
's9e9d00c88a321a5a': `Quanto è stato facile ottenere ciò di cui avevi bisogno oggi?`,
'saddaf7040ac84cf1': `Né soddisfatto né insoddisfatto`,
'sbb588bb505779122': `Feedback`,
'sbc31d8e1b74394ed': `Insoddisfatto`,
'sc63c89b87c10ff4c': `Qual è il motivo principale del tuo punteggio?`,
'sdf7d5e32032c2aac': `In fondo alla pagina è aperto un breve sondaggio.`,
'sf1d7c751277ec33c': `Grazie per il tuo feedback!`,
'sf570dcccb791e8f4': `Estremamente probabile`,
    };
  