
    // Do not modify this file by hand!
    // Re-generate this file by running lit-localize

    
    

    /* eslint-disable no-irregular-whitespace */
    /* eslint-disable @typescript-eslint/no-explicit-any */

    export const templates = {
      'ces-high': `Muy fácil`,
'ces-low': `Muy difícil`,
'ces-question': `¿Qué tan fácil te resultó conseguir hoy lo que necesitabas?`,
'choose-score': `Elige una puntuación para enviar tu respuesta.`,
'close': `Cerrar encuesta`,
'csat-1': `Muy insatisfecho`,
'csat-2': `Insatisfecho`,
'csat-3': `Ni satisfecho ni insatisfecho`,
'csat-4': `Satisfecho`,
'csat-5': `Muy satisfecho`,
'csat-question': `¿Cuál es tu nivel de satisfacción con tu experiencia?`,
'feedback': `Tu opinión`,
'follow-up-high': `¿Qué es lo que más te gusta?`,
'follow-up-low': `¿Cuál es el motivo principal de tu puntuación?`,
'follow-up-middle': `¿Qué podríamos mejorar?`,
'nps-high': `Extremadamente probable`,
'nps-low': `Nada probable`,
'nps-question': `¿Qué probabilidad hay de que nos recomiendes a un amigo o colega?`,
'open-notice': `Hay una breve encuesta abierta al final de la página.`,
'send': `Enviar`,
'send-failed': `No se pudo enviar tu respuesta. Inténtalo de nuevo.`,
'sending': `Enviando…`,
'tab-notice': `Hay un botón para darnos tu opinión al final de la página.`,
'thanks': `¡Gracias por tu opinión!`,
    };
  