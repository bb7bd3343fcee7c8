
    // Do not modify this file by hand!
    // Re-generate this file by running lit-localize

    
    

    /* eslint-disable no-irregular-whitespace */
    /* eslint-disable @typescript-eslint/no-explicit-any */

    export const templates = {
      'ces-high': `Çok kolay`,
'ces-low': `Çok zor`,
'ces-question': `Bugün ihtiyacınız olana ulaşmak ne kadar kolay oldu?`,
'choose-score': `Yanıtınızı göndermek için bir puan seçin.`,
'close': `Anketi kapat`,
'csat-1': `Hiç memnun değilim`,
'csat-2': `Memnun değilim`,
'csat-3': `Ne memnunum ne de memnun değilim`,
'csat-4': `Memnunum`,
'csat-5': `Çok memnunum`,
'csat-question': `Deneyiminizden ne kadar memnun kaldınız?`,
'feedback': `Geri bildirim`,
'follow-up-high': `En çok neyi beğendiniz?`,
'follow-up-low': `Bu puanı vermenizin ana nedeni nedir?`,
'follow-up-middle': `Neyi daha iyi yapabiliriz?`,
'nps-high': `Son derece olası`,
'nps-low': `Hiç olası değil`,
'nps-question': `Bizi bir arkadaşınıza veya meslektaşınıza tavsiye etme olasılığınız nedir?`,
'open-notice': `Sayfanın sonunda kısa bir anket açıldı.`,
'send': `Gönder`,
'send-failed': `Yanıtınız gönderilemedi. Lütfen tekrar deneyin.`,
'sending': `Gönderiliyor…`,
'tab-notice': `Sayfanın sonunda bir geri bildirim düğmesi var.`,
'thanks': `Geri bildiriminiz için teşekkür ederiz!`,
    };
  