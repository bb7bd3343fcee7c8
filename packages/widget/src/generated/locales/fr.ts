
    // Do not modify this file by hand!
    // Re-generate this file by running lit-localize

    
    

    /* eslint-disable no-irregular-whitespace */
    /* eslint-disable @typescript-eslint/no-explicit-any */

    export const templates = {
      's07071cb97f23b81f': `Très difficile`,
's1e32fea455ae1943': `Fermer l’enquête`,
's1fb0a10fccd35fdf': `Choisissez une note pour envoyer votre réponse.`,
's2059c211722db06b': `Satisfait`,
's296c9be7e30df661': `Très satisfait`,
's3ecda119aafe73e7': `Enquête`,
's4143ea8e5edf4544': `Pas du tout probable`,
's4e6e6c8772f8e472': `Quel est votre niveau de satisfaction concernant votre expérience ?`,
's57adf424d57c8a0f': `Envoyer`,
's58bacdd6b9a10a85': `Très facile`,
's5d6b01658490775e': `Que pourrions-nous améliorer ?`,
's6c1b00e4dc957d0a': `Qu’appréciez-vous le plus ?`,
's6ead281adf0d371d': `Envoi en cours…`,
's71de7ca243dff98b': `Très insatisfait`,
's76fbd65d61ef0672': `Quelle est la probabilité que vous nous recommandiez à un ami ou à un collègue ?`,
's91c4e300c49233e6': `Votre réponse n’a pas pu être envoyée. Veuillez réessayer.`,
's9e9d00c88a321a5a': `Dans quelle mesure a-t-il été facile d’obtenir ce dont vous aviez besoin aujourd’hui ?`,
'saddaf7040ac84cf1': `Ni satisfait ni insatisfait`,
'sbb588bb505779122': `Votre avis`,
'sbc31d8e1b74394ed': `Insatisfait`,
'sc63c89b87c10ff4c': `Quelle est la raison principale de votre note ?`,
'sdf7d5e32032c2aac': `Une courte enquête est ouverte en fin de page.`,
'sf1d7c751277ec33c': `Merci pour votre avis !`,
'sf570dcccb791e8f4': `Extrêmement probable`,
    };
  