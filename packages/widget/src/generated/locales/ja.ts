
    // Do not modify this file by hand!
    // Re-generate this file by running lit-localize

    
    

    /* eslint-disable no-irregular-whitespace */
    /* eslint-disable @typescript-eslint/no-explicit-any */

    export const templates = {
      'ces-high': `非常に簡単`,
'ces-low': `非常に難しい`,
'ces-question': `本日、目的はどのくらい簡単に達成できましたか？`,
'choose-score': `回答を送信するには、スコアを選択してください。`,
'close': `アンケートを閉じる`,
'csat-1': `非常に不満`,
'csat-2': `不満`,
'csat-3': `どちらでもない`,
'csat-4': `満足`,
'csat-5': `非常に満足`,
'csat-question': `今回のご利用にどの程度ご満足いただけましたか？`,
'feedback': `フィードバック`,
'follow-up-high': `最も気に入っている点は何ですか？`,
'follow-up-low': `このスコアを付けた主な理由は何ですか？`,
'follow-up-middle': `どうすればより良くなると思いますか？`,
'nps-high': `非常に可能性が高い`,
'nps-low': `まったく可能性がない`,
'nps-question': `友人や同僚に当社をおすすめする可能性はどのくらいありますか？`,
'open-notice': `ページの末尾に短いアンケートが表示されています。`,
'send': `送信`,
'send-failed': `回答を送信できませんでした。もう一度お試しください。`,
'sending': `送信中…`,
'tab-notice': `ページの末尾にフィードバックのボタンがあります。`,
'thanks': `ご意見ありがとうございました！`,
    };
  