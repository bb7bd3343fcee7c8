
    // Do not modify this file by hand!
    // Re-generate this file by running lit-localize

    
    

    /* eslint-disable no-irregular-whitespace */
    /* eslint-disable @typescript-eslint/no-explicit-any */

    export const templates = {
      'ces-high': `非常容易`,
'ces-low': `非常困难`,
'ces-question': `您今天完成所需事项的难易程度如何？`,
'choose-score': `请先选择分数，再提交回答。`,
'close': `关闭问卷`,
'csat-1': `非常不满意`,
'csat-2': `不满意`,
'csat-3': `一般`,
'csat-4': `满意`,
'csat-5': `非常满意`,
'csat-question': `您对本次体验的满意度如何？`,
'feedback': `反馈`,
'follow-up-high': `您最喜欢哪些方面？`,
'follow-up-low': `您给出这个分数的主要原因是什么？`,
'follow-up-middle': `您认为哪些方面还可以改进？`,
'nps-high': `极有可能`,
'nps-low': `完全不可能`,
'nps-question': `您有多大可能向朋友或同事推荐我们？`,
'open-notice': `页面末尾已打开一份简短的问卷。`,
'send': `提交`,
'send-failed': `您的回答未能提交，请重试。`,
'sending': `正在提交…`,
'tab-notice': `页面末尾有一个反馈按钮。`,
'thanks': `感谢您的反馈！`,
    };
  