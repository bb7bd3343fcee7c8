
    // Do not modify this file by hand!
    // Re-generate this file by running lit-localize

    
    

    /* eslint-disable no-irregular-whitespace */
    /* eslint-disable @typescript-eslint/no-explicit-any */

    export const templates = {
      's07071cb97f23b81f': `Muito difícil`,
's1e32fea455ae1943': `Fechar pesquisa`,
's1fb0a10fccd35fdf': `Escolha uma nota para enviar sua resposta.`,
's2059c211722db06b': `Satisfeito`,
's296c9be7e30df661': `Muito satisfeito`,
's3ecda119aafe73e7': `Pesquisa`,
's4143ea8e5edf4544': `Nada provável`,
's4e6e6c8772f8e472': `Qual é o seu nível de satisfação com a sua experiência?`,
's57adf424d57c8a0f': `Enviar`,
's58bacdd6b9a10a85': `Muito fácil`,
's5d6b01658490775e': `O que poderíamos melhorar?`,
's6c1b00e4dc957d0a': `Do que você mais gosta?`,
's6ead281adf0d371d': `Enviando…`,
's71de7ca243dff98b': `Muito insatisfeito`,
's76fbd65d61ef0672': `Qual é a probabilidade de você nos recomendar a um amigo ou colega?`,
's91c4e300c49233e6': `Não foi possível enviar sua resposta. Tente novamente.`,
's9e9d00c88a321a5a': `Quão fácil foi conseguir o que você precisava hoje?`,
'saddaf7040ac84cf1': `Nem satisfeito nem insatisfeito`,
'sbb588bb505779122': `Feedback`,
'sbc31d8e1b74394ed': `Insatisfeito`,
'sc63c89b87c10ff4c': `Qual é o principal motivo da sua nota?`,
'sdf7d5e32032c2aac': `Há uma breve pesquisa aberta no final da página.`,
'sf1d7c751277ec33c': `Obrigado pelo seu feedback!`,
'sf570dcccb791e8f4': `Extremamente provável`,
    };
  