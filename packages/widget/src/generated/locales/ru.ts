
    // Do not modify this file by hand!
    // Re-generate this file by running lit-localize

    
    

    /* eslint-disable no-irregular-whitespace */
    /* eslint-disable @typescript-eslint/no-explicit-any */

    export const templates = {
      'ces-high': `Очень легко`,
'ces-low': `Очень трудно`,
'ces-question': `Насколько легко вам было сегодня получить то, что нужно?`,
'choose-score': `Выберите оценку, чтобы отправить ответ.`,
'close': `Закрыть опрос`,
'csat-1': `Очень недоволен`,
'csat-2': `Недоволен`,
'csat-3': `Ни доволен, ни недоволен`,
'csat-4': `Доволен`,
'csat-5': `Очень доволен`,
'csat-question': `Насколько вы довольны своим опытом?`,
'feedback': `Обратная связь`,
'follow-up-high': `Что вам нравится больше всего?`,
'follow-up-low': `Какова основная причина вашей оценки?`,
'follow-up-middle': `Что можно улучшить?`,
'nps-high': `Крайне вероятно`,
'nps-low': `Крайне маловероятно`,
'nps-question': `Насколько вероятно, что вы порекомендуете нас другу или коллеге?`,
'open-notice': `В конце страницы открыт короткий опрос.`,
'send': `Отправить`,
'send-failed': `Не удалось отправить ответ. Попробуйте ещё раз.`,
'sending': `Отправка…`,
'tab-notice': `В конце страницы есть кнопка обратной связи.`,
'thanks': `Спасибо за отзыв!`,
    };
  