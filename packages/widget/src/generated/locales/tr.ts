
    // Do not modify this file by hand!
    // Re-generate this file by running lit-localize

    
    

    /* eslint-disable no-irregular-whitespace */
    /* eslint-disable @typescript-eslint/no-explicit-any */

    export const templates = {
      's07071cb97f23b81f': `Çok zor`,
's1e32fea455ae1943': `Anketi kapat`,
's1fb0a10fccd35fdf': `Yanıtınızı göndermek için bir puan seçin.`,
's2059c211722db06b': `Memnunum`,
's296c9be7e30df661': `Çok memnunum`,
's3ecda119aafe73e7': `Anket`,
's4143ea8e5edf4544': `Hiç olası değil`,
's4e6e6c8772f8e472': `Deneyiminizden ne kadar memnun kaldınız?`,
's57adf424d57c8a0f': `Gönder`,
's58bacdd6b9a10a85': `Çok kolay`,
's5d6b01658490775e': `Neyi daha iyi yapabiliriz?`,
's6c1b00e4dc957d0a': `En çok neyi beğendiniz?`,
's6ead281adf0d371d': `Gönderiliyor…`,
's71de7ca243dff98b': `Hiç memnun değilim`,
's76fbd65d61ef0672': `Bizi bir arkadaşınıza veya meslektaşınıza tavsiye etme olasılığınız nedir?`,
's91c4e300c49233e6': `Yanıtınız gönderilemedi. Lütfen tekrar deneyin.`,
's9e9d00c88a321a5a': `Bugün ihtiyacınız olana ulaşmak ne kadar kolay oldu?`,
'saddaf7040ac84cf1': `Ne memnunum ne de memnun değilim`,
'sbb588bb505779122': `Geri bildirim`,
'sbc31d8e1b74394ed': `Memnun değilim`,
'sc63c89b87c10ff4c': `Bu puanı vermenizin ana nedeni nedir?`,
'sdf7d5e32032c2aac': `Sayfanın sonunda kısa bir anket açıldı.`,
'sf1d7c751277ec33c': `Geri bildiriminiz için teşekkür ederiz!`,
'sf570dcccb791e8f4': `Son derece olası`,
    };
  