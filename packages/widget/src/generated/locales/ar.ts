
    // Do not modify this file by hand!
    // Re-generate this file by running lit-localize

    
    

    /* eslint-disable no-irregular-whitespace */
    /* eslint-disable @typescript-eslint/no-explicit-any */

    export const templates = {
      'ces-high': `سهل جدًا`,
'ces-low': `صعب جدًا`,
'ces-question': `ما مدى سهولة حصولك على ما احتجت إليه اليوم؟`,
'choose-score': `يُرجى اختيار درجة لإرسال إجابتك.`,
'close': `إغلاق الاستبيان`,
'csat-1': `غير راضٍ جدًا`,
'csat-2': `غير راضٍ`,
'csat-3': `محايد`,
'csat-4': `راضٍ`,
'csat-5': `راضٍ جدًا`,
'csat-question': `ما مدى رضاك عن تجربتك؟`,
'feedback': `ملاحظات`,
'follow-up-high': `ما أكثر ما يعجبك؟`,
'follow-up-low': `ما السبب الرئيسي لتقييمك؟`,
'follow-up-middle': `ما الذي قد يجعل تجربتك أفضل؟`,
'nps-high': `محتمل للغاية`,
'nps-low': `غير محتمل على الإطلاق`,
'nps-question': `ما مدى احتمال أن توصي بنا لصديق أو زميل؟`,
'open-notice': `يوجد استبيان قصير مفتوح في نهاية الصفحة.`,
'send': `إرسال`,
'send-failed': `تعذّر إرسال إجابتك. يُرجى المحاولة مرة أخرى.`,
'sending': `جارٍ الإرسال…`,
'tab-notice': `يوجد زر للملاحظات في نهاية الصفحة.`,
'thanks': `شكرًا لك على ملاحظاتك!`,
    };
  