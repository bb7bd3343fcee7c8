
    // Do not modify this file by hand!
    // Re-generate this file by running lit-localize

    
    

    /* eslint-disable no-irregular-whitespace */
    /* eslint-disable @typescript-eslint/no-explicit-any */

    export const templates = {
      'ces-high': `بسیار آسان`,
'ces-low': `بسیار دشوار`,
'ces-question': `امروز دستیابی به آنچه نیاز داشتید چقدر آسان بود؟`,
'choose-score': `برای ارسال پاسخ، یک امتیاز انتخاب کنید.`,
'close': `بستن نظرسنجی`,
'csat-1': `بسیار ناراضی`,
'csat-2': `ناراضی`,
'csat-3': `نه راضی، نه ناراضی`,
'csat-4': `راضی`,
'csat-5': `بسیار راضی`,
'csat-question': `چقدر از تجربهٔ خود راضی هستید؟`,
'feedback': `بازخورد`,
'follow-up-high': `چه چیزی را بیش از همه دوست دارید؟`,
'follow-up-low': `دلیل اصلی امتیازی که دادید چیست؟`,
'follow-up-middle': `چه چیزی می‌تواند تجربهٔ شما را بهتر کند؟`,
'nps-high': `بسیار محتمل`,
'nps-low': `اصلاً محتمل نیست`,
'nps-question': `چقدر احتمال دارد ما را به یک دوست یا همکار توصیه کنید؟`,
'open-notice': `یک نظرسنجی کوتاه در انتهای صفحه باز است.`,
'send': `ارسال`,
'send-failed': `پاسخ شما ارسال نشد. لطفاً دوباره تلاش کنید.`,
'sending': `در حال ارسال…`,
'tab-notice': `یک دکمهٔ بازخورد در انتهای صفحه هست.`,
'thanks': `از بازخورد شما سپاسگزاریم!`,
    };
  