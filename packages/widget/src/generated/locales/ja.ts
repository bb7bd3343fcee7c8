
    // Do not modify this file by hand!
    // Re-generate this file by running lit-localize

    
    

    /* eslint-disable no-irregular-whitespace */
    /* eslint-disable @typescript-eslint/no-explicit-any */

    export const templates = {
      's07071cb97f23b81f': `非常に難しい`,
's1e32fea455ae1943': `アンケートを閉じる`,
's1fb0a10fccd35fdf': `回答を送信するには、スコアを選択してください。`,
's2059c211722db06b': `満足`,
's296c9be7e30df661': `非常に満足`,
's3ecda119aafe73e7': `アンケート`,
's4143ea8e5edf4544': `まったく可能性がない`,
's4e6e6c8772f8e472': `今回のご利用にどの程度ご満足いただけましたか？`,
's57adf424d57c8a0f': `送信`,
's58bacdd6b9a10a85': `非常に簡単`,
's5d6b01658490775e': `どうすればより良くなると思いますか？`,
's6c1b00e4dc957d0a': `最も気に入っている点は何ですか？`,
's6ead281adf0d371d': `送信中…`,
's71de7ca243dff98b': `非常に不満`,
's76fbd65d61ef0672': `友人や同僚に当社をおすすめする可能性はどのくらいありますか？`,
's91c4e300c49233e6': `回答を送信できませんでした。もう一度お試しください。`,
's9e9d00c88a321a5a': `本日、目的はどのくらい簡単に達成できましたか？`,
'saddaf7040ac84cf1': `どちらでもない`,
'sbb588bb505779122': `フィードバック`,
'sbc31d8e1b74394ed': `不満`,
'sc63c89b87c10ff4c': `このスコアを付けた主な理由は何ですか？`,
'sdf7d5e32032c2aac': `ページの末尾に短いアンケートが表示されています。`,
'sf1d7c751277ec33c': `ご意見ありがとうございました！`,
'sf570dcccb791e8f4': `非常に可能性が高い`,
    };
  