
    // Do not modify this file by hand!
    // Re-generate this file by running lit-localize

    
    

    /* eslint-disable no-irregular-whitespace */
    /* eslint-disable @typescript-eslint/no-explicit-any */

    export const templates = {
      's07071cb97f23b81f': `非常困难`,
's1e32fea455ae1943': `关闭问卷`,
's1fb0a10fccd35fdf': `请先选择分数，再提交回答。`,
's2059c211722db06b': `满意`,
's296c9be7e30df661': `非常满意`,
's3ecda119aafe73e7': `问卷`,
's4143ea8e5edf4544': `完全不可能`,
's4e6e6c8772f8e472': `您对本次体验的满意度如何？`,
's57adf424d57c8a0f': `提交`,
's58bacdd6b9a10a85': `非常容易`,
's5d6b01658490775e': `您认为哪些方面还可以改进？`,
's6c1b00e4dc957d0a': `您最喜欢哪些方面？`,
's6ead281adf0d371d': `正在提交…`,
's71de7ca243dff98b': `非常不满意`,
's76fbd65d61ef0672': `您有多大可能向朋友或同事推荐我们？`,
's91c4e300c49233e6': `您的回答未能提交，请重试。`,
's9e9d00c88a321a5a': `您今天完成所需事项的难易程度如何？`,
'saddaf7040ac84cf1': `一般`,
'sbb588bb505779122': `反馈`,
'sbc31d8e1b74394ed': `不满意`,
'sc63c89b87c10ff4c': `您给出这个分数的主要原因是什么？`,
'sdf7d5e32032c2aac': `页面末尾已打开一份简短的问卷。`,
'sf1d7c751277ec33c': `感谢您的反馈！`,
'sf570dcccb791e8f4': `极有可能`,
    };
  