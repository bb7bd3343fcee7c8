
    // Do not modify this file by hand!
    // Re-generate this file by running lit-localize

    
    

    /* eslint-disable no-irregular-whitespace */
    /* eslint-disable @typescript-eslint/no-explicit-any */

    export const templates = {
      's07071cb97f23b81f': `Muy difícil`,
's1e32fea455ae1943': `Cerrar encuesta`,
's1fb0a10fccd35fdf': `Elige una puntuación para enviar tu respuesta.`,
's2059c211722db06b': `Satisfecho`,
's296c9be7e30df661': `Muy satisfecho`,
's3ecda119aafe73e7': `Encuesta`,
's4143ea8e5edf4544': `Nada probable`,
's4e6e6c8772f8e472': `¿Cuál es tu nivel de satisfacción con tu experiencia?`,
's57adf424d57c8a0f': `Enviar`,
's58bacdd6b9a10a85': `Muy fácil`,
's5d6b01658490775e': `¿Qué podríamos mejorar?`,
's6c1b00e4dc957d0a': `¿Qué es lo que más te gusta?`,
's6ead281adf0d371d': `Enviando…`,
's71de7ca243dff98b': `Muy insatisfecho`,
's76fbd65d61ef0672': `¿Qué probabilidad hay de que nos recomiendes a un amigo o colega?`,
's91c4e300c49233e6': `No se pudo enviar tu respuesta. Inténtalo de nuevo.`,
's9e9d00c88a321a5a': `¿Qué tan fácil te resultó conseguir hoy lo que necesitabas?`,
'saddaf7040ac84cf1': `Ni satisfecho ni insatisfecho`,
'sbb588bb505779122': `Tu opinión`,
'sbc31d8e1b74394ed': `Insatisfecho`,
'sc63c89b87c10ff4c': `¿Cuál es el motivo principal de tu puntuación?`,
'sdf7d5e32032c2aac': `Hay una breve encuesta abierta al final de la página.`,
'sf1d7c751277ec33c': `¡Gracias por tu opinión!`,
'sf570dcccb791e8f4': `Extremadamente probable`,
    };
  