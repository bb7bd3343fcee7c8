
    // Do not modify this file by hand!
    // Re-generate this file by running lit-localize

    
    

    /* eslint-disable no-irregular-whitespace */
    /* eslint-disable @typescript-eslint/no-explicit-any */

    export const templates = {
      'ces-high': `बहुत आसान`,
'ces-low': `बहुत मुश्किल`,
'ces-question': `आज आपको जो चाहिए था, उसे पाना कितना आसान रहा?`,
'choose-score': `अपना जवाब भेजने के लिए कोई स्कोर चुनें।`,
'close': `सर्वे बंद करें`,
'csat-1': `बहुत असंतुष्ट`,
'csat-2': `असंतुष्ट`,
'csat-3': `न संतुष्ट, न असंतुष्ट`,
'csat-4': `संतुष्ट`,
'csat-5': `बहुत संतुष्ट`,
'csat-question': `आपका अनुभव कितना संतोषजनक रहा?`,
'feedback': `फ़ीडबैक`,
'follow-up-high': `आपको सबसे ज़्यादा क्या पसंद है?`,
'follow-up-low': `यह स्कोर देने की मुख्य वजह क्या है?`,
'follow-up-middle': `आपका अनुभव किस चीज़ से बेहतर हो सकता है?`,
'nps-high': `बहुत ज़्यादा संभावना`,
'nps-low': `बिल्कुल संभावना नहीं`,
'nps-question': `इसकी कितनी संभावना है कि आप किसी दोस्त या सहकर्मी को हमारा सुझाव देंगे?`,
'open-notice': `पेज के आख़िर में एक छोटा सर्वे खुला है।`,
'send': `भेजें`,
'send-failed': `आपका जवाब नहीं भेजा जा सका। कृपया फिर से कोशिश करें।`,
'sending': `भेजा जा रहा है…`,
'tab-notice': `पेज के आख़िर में फ़ीडबैक का एक बटन है।`,
'thanks': `आपके फ़ीडबैक के लिए धन्यवाद!`,
    };
  