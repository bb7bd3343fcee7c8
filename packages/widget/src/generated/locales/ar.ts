
    // Do not modify this file by hand!
    // Re-generate this file by running lit-localize

    
    

    /* eslint-disable no-irregular-whitespace */
    /* eslint-disable @typescript-eslint/no-explicit-any */

    export const templates = {
      's07071cb97f23b81f': `صعب جدًا`,
's1e32fea455ae1943': `إغلاق الاستبيان`,
's1fb0a10fccd35fdf': `يُرجى اختيار درجة لإرسال إجابتك.`,
's2059c211722db06b': `راضٍ`,
's296c9be7e30df661': `راضٍ جدًا`,
's3ecda119aafe73e7': `استبيان`,
's4143ea8e5edf4544': `غير محتمل على الإطلاق`,
's4e6e6c8772f8e472': `ما مدى رضاك عن تجربتك؟`,
's57adf424d57c8a0f': `إرسال`,
's58bacdd6b9a10a85': `سهل جدًا`,
's5d6b01658490775e': `ما الذي قد يجعل تجربتك أفضل؟`,
's6c1b00e4dc957d0a': `ما أكثر ما يعجبك؟`,
's6ead281adf0d371d': `جارٍ الإرسال…`,
's71de7ca243dff98b': `غير راضٍ جدًا`,
's76fbd65d61ef0672': `ما مدى احتمال أن توصي بنا لصديق أو زميل؟`,
's91c4e300c49233e6': `تعذّر إرسال إجابتك. يُرجى المحاولة مرة أخرى.`,
's9e9d00c88a321a5a': `ما مدى سهولة حصولك على ما احتجت إليه اليوم؟`,
'saddaf7040ac84cf1': `محايد`,
'sbb588bb505779122': `ملاحظات`,
'sbc31d8e1b74394ed': `غير راضٍ`,
'sc63c89b87c10ff4c': `ما السبب الرئيسي لتقييمك؟`,
'sdf7d5e32032c2aac': `يوجد استبيان قصير مفتوح في نهاية الصفحة.`,
'sf1d7c751277ec33c': `شكرًا لك على ملاحظاتك!`,
'sf570dcccb791e8f4': `محتمل للغاية`,
    };
  