
    // Do not modify this file by hand!
    // Re-generate this file by running lit-localize

    
    

    /* eslint-disable no-irregular-whitespace */
    /* eslint-disable @typescript-eslint/no-explicit-any */

    export const templates = {
      'ces-high': `非常容易`,
'ces-low': `非常困難`,
'ces-question': `您今天完成所需事項的難易程度如何？`,
'choose-score': `請先選擇分數，再送出回答。`,
'close': `關閉問卷`,
'csat-1': `非常不滿意`,
'csat-2': `不滿意`,
'csat-3': `普通`,
'csat-4': `滿意`,
'csat-5': `非常滿意`,
'csat-question': `您對這次的體驗有多滿意？`,
'feedback': `意見回饋`,
'follow-up-high': `您最喜歡哪些地方？`,
'follow-up-low': `您給出這個分數的主要原因是什麼？`,
'follow-up-middle': `您覺得哪些地方還可以改進？`,
'nps-high': `極有可能`,
'nps-low': `完全不可能`,
'nps-question': `您向朋友或同事推薦我們的可能性有多高？`,
'open-notice': `頁面末端已開啟一份簡短問卷。`,
'send': `送出`,
'send-failed': `您的回答無法送出，請再試一次。`,
'sending': `正在送出…`,
'tab-notice': `頁面末端有一個意見回饋按鈕。`,
'thanks': `感謝您的意見回饋！`,
    };
  