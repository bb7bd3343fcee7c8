
    // Do not modify this file by hand!
    // Re-generate this file by running lit-localize

    
    

    /* eslint-disable no-irregular-whitespace */
    /* eslint-disable @typescript-eslint/no-explicit-any */

    export const templates = {
      's07071cb97f23b81f': `קשה מאוד`,
's1e32fea455ae1943': `סגירת הסקר`,
's1fb0a10fccd35fdf': `יש לבחור ציון כדי לשלוח את התשובה.`,
's2059c211722db06b': `מרוצה`,
's296c9be7e30df661': `מרוצה מאוד`,
's3ecda119aafe73e7': `סקר`,
's4143ea8e5edf4544': `כלל לא סביר`,
's4e6e6c8772f8e472': `עד כמה אתם מרוצים מהחוויה?`,
's57adf424d57c8a0f': `שליחה`,
's58bacdd6b9a10a85': `קל מאוד`,
's5d6b01658490775e': `מה אפשר לשפר?`,
's6c1b00e4dc957d0a': `מה הכי אהבתם?`,
's6ead281adf0d371d': `בשליחה…`,
's71de7ca243dff98b': `מאוד לא מרוצה`,
's76fbd65d61ef0672': `מה הסבירות שתמליצו עלינו לחבר או לעמית?`,
's91c4e300c49233e6': `לא הצלחנו לשלוח את התשובה. נא לנסות שוב.`,
's9e9d00c88a321a5a': `עד כמה היה לכם קל היום להשיג את מה שהייתם צריכים?`,
'saddaf7040ac84cf1': `ניטרלי`,
'sbb588bb505779122': `משוב`,
'sbc31d8e1b74394ed': `לא מרוצה`,
'sc63c89b87c10ff4c': `מה הסיבה העיקרית לציון שנתתם?`,
'sdf7d5e32032c2aac': `סקר קצר פתוח בסוף העמוד.`,
'sf1d7c751277ec33c': `תודה על המשוב!`,
'sf570dcccb791e8f4': `סביר מאוד`,
    };
  