
    // Do not modify this file by hand!
    // Re-generate this file by running lit-localize

    
    

    /* eslint-disable no-irregular-whitespace */
    /* eslint-disable @typescript-eslint/no-explicit-any */

    export const templates = {
      'ces-high': `Дуже легко`,
'ces-low': `Дуже важко`,
'ces-question': `Наскільки легко вам було сьогодні отримати те, що потрібно?`,
'choose-score': `Виберіть оцінку, щоб надіслати відповідь.`,
'close': `Закрити опитування`,
'csat-1': `Дуже незадоволений`,
'csat-2': `Незадоволений`,
'csat-3': `Ні задоволений, ні незадоволений`,
'csat-4': `Задоволений`,
'csat-5': `Дуже задоволений`,
'csat-question': `Наскільки ви задоволені своїм досвідом?`,
'feedback': `Зворотний зв’язок`,
'follow-up-high': `Що вам подобається найбільше?`,
'follow-up-low': `Яка основна причина вашої оцінки?`,
'follow-up-middle': `Що можна поліпшити?`,
'nps-high': `Украй імовірно`,
'nps-low': `Украй малоймовірно`,
'nps-question': `Наскільки ймовірно, що ви порекомендуєте нас другові чи колезі?`,
'open-notice': `Наприкінці сторінки відкрито коротке опитування.`,
'send': `Надіслати`,
'send-failed': `Не вдалося надіслати відповідь. Спробуйте ще раз.`,
'sending': `Надсилання…`,
'tab-notice': `Наприкінці сторінки є кнопка зворотного зв’язку.`,
'thanks': `Дякуємо за ваш відгук!`,
    };
  