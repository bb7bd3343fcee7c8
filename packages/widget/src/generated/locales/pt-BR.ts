
    // Do not modify this file by hand!
    // Re-generate this file by running lit-localize

    
    

    /* eslint-disable no-irregular-whitespace */
    /* eslint-disable @typescript-eslint/no-explicit-any */

    export const templates = {
      'ces-high': `Muito fácil`,
'ces-low': `Muito difícil`,
'ces-question': `Quão fácil foi conseguir o que você precisava hoje?`,
'choose-score': `Escolha uma nota para enviar sua resposta.`,
'close': `Fechar pesquisa`,
'csat-1': `Muito insatisfeito`,
'csat-2': `Insatisfeito`,
'csat-3': `Nem satisfeito nem insatisfeito`,
'csat-4': `Satisfeito`,
'csat-5': `Muito satisfeito`,
'csat-question': `Qual é o seu nível de satisfação com a sua experiência?`,
'feedback': `Feedback`,
'follow-up-high': `Do que você mais gosta?`,
'follow-up-low': `Qual é o principal motivo da sua nota?`,
'follow-up-middle': `O que poderíamos melhorar?`,
'nps-high': `Extremamente provável`,
'nps-low': `Nada provável`,
'nps-question': `Qual é a probabilidade de você nos recomendar a um amigo ou colega?`,
'open-notice': `Há uma breve pesquisa aberta no final da página.`,
'send': `Enviar`,
'send-failed': `Não foi possível enviar sua resposta. Tente novamente.`,
'sending': `Enviando…`,
'tab-notice': `Há um botão de feedback no final da página.`,
'thanks': `Obrigado pelo seu feedback!`,
    };
  