
    // Do not modify this file by hand!
    // Re-generate this file by running lit-localize

    
    

    /* eslint-disable no-irregular-whitespace */
    /* eslint-disable @typescript-eslint/no-explicit-any */

    export const templates = {
      'ces-high': `Très facile`,
'ces-low': `Très difficile`,
'ces-question': `Dans quelle mesure a-t-il été facile d’obtenir ce dont vous aviez besoin aujourd’hui ?`,
'choose-score': `Choisissez une note pour envoyer votre réponse.`,
'close': `Fermer l’enquête`,
'csat-1': `Très insatisfait`,
'csat-2': `Insatisfait`,
'csat-3': `Ni satisfait ni insatisfait`,
'csat-4': `Satisfait`,
'csat-5': `Très satisfait`,
'csat-question': `Quel est votre niveau de satisfaction concernant votre expérience ?`,
'feedback': `Votre avis`,
'follow-up-high': `Qu’appréciez-vous le plus ?`,
'follow-up-low': `Quelle est la raison principale de votre note ?`,
'follow-up-middle': `Que pourrions-nous améliorer ?`,
'nps-high': `Extrêmement probable`,
'nps-low': `Pas du tout probable`,
'nps-question': `Quelle est la probabilité que vous nous recommandiez à un ami ou à un collègue ?`,
'open-notice': `Une courte enquête est ouverte en fin de page.`,
'send': `Envoyer`,
'send-failed': `Votre réponse n’a pas pu être envoyée. Veuillez réessayer.`,
'sending': `Envoi en cours…`,
'tab-notice': `Un bouton pour donner votre avis se trouve en fin de page.`,
'thanks': `Merci pour votre avis !`,
    };
  