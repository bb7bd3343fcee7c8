
    // Do not modify this file by hand!
    // Re-generate this file by running lit-localize

    
    

    /* eslint-disable no-irregular-whitespace */
    /* eslint-disable @typescript-eslint/no-explicit-any */

    export const templates = {
      's07071cb97f23b81f': `非常困難`,
's1e32fea455ae1943': `關閉問卷`,
's1fb0a10fccd35fdf': `請先選擇分數，再送出回答。`,
's2059c211722db06b': `滿意`,
's296c9be7e30df661': `非常滿意`,
's3ecda119aafe73e7': `問卷`,
's4143ea8e5edf4544': `完全不可能`,
's4e6e6c8772f8e472': `您對這次的體驗有多滿意？`,
's57adf424d57c8a0f': `送出`,
's58bacdd6b9a10a85': `非常容易`,
's5d6b01658490775e': `您覺得哪些地方還可以改進？`,
's6c1b00e4dc957d0a': `您最喜歡哪些地方？`,
's6ead281adf0d371d': `正在送出…`,
's71de7ca243dff98b': `非常不滿意`,
's76fbd65d61ef0672': `您向朋友或同事推薦我們的可能性有多高？`,
's91c4e300c49233e6': `您的回答無法送出，請再試一次。`,
's9e9d00c88a321a5a': `您今天完成所需事項的難易程度如何？`,
'saddaf7040ac84cf1': `普通`,
'sbb588bb505779122': `意見回饋`,
'sbc31d8e1b74394ed': `不滿意`,
'sc63c89b87c10ff4c': `您給出這個分數的主要原因是什麼？`,
'sdf7d5e32032c2aac': `頁面末端已開啟一份簡短問卷。`,
'sf1d7c751277ec33c': `感謝您的意見回饋！`,
'sf570dcccb791e8f4': `極有可能`,
    };
  