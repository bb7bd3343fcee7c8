
    // Do not modify this file by hand!
    // Re-generate this file by running lit-localize

    
    

    /* eslint-disable no-irregular-whitespace */
    /* eslint-disable @typescript-eslint/no-explicit-any */

    export const templates = {
      'ces-high': `קל מאוד`,
'ces-low': `קשה מאוד`,
'ces-question': `עד כמה היה לכם קל היום להשיג את מה שהייתם צריכים?`,
'choose-score': `יש לבחור ציון כדי לשלוח את התשובה.`,
'close': `סגירת הסקר`,
'csat-1': `מאוד לא מרוצה`,
'csat-2': `לא מרוצה`,
'csat-3': `ניטרלי`,
'csat-4': `מרוצה`,
'csat-5': `מרוצה מאוד`,
'csat-question': `עד כמה אתם מרוצים מהחוויה?`,
'feedback': `משוב`,
'follow-up-high': `מה הכי אהבתם?`,
'follow-up-low': `מה הסיבה העיקרית לציון שנתתם?`,
'follow-up-middle': `מה אפשר לשפר?`,
'nps-high': `סביר מאוד`,
'nps-low': `כלל לא סביר`,
'nps-question': `מה הסבירות שתמליצו עלינו לחבר או לעמית?`,
'open-notice': `סקר קצר פתוח בסוף העמוד.`,
'send': `שליחה`,
'send-failed': `לא הצלחנו לשלוח את התשובה. נא לנסות שוב.`,
'sending': `בשליחה…`,
'tab-notice': `כפתור משוב נמצא בסוף העמוד.`,
'thanks': `תודה על המשוב!`,
    };
  