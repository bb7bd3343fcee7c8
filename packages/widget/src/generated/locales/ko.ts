
    // Do not modify this file by hand!
    // Re-generate this file by running lit-localize

    
    

    /* eslint-disable no-irregular-whitespace */
    /* eslint-disable @typescript-eslint/no-explicit-any */

    export const templates = {
      's07071cb97f23b81f': `매우 어려움`,
's1e32fea455ae1943': `설문 닫기`,
's1fb0a10fccd35fdf': `답변을 보내려면 점수를 선택해 주세요.`,
's2059c211722db06b': `만족`,
's296c9be7e30df661': `매우 만족`,
's3ecda119aafe73e7': `설문`,
's4143ea8e5edf4544': `전혀 추천하지 않음`,
's4e6e6c8772f8e472': `이용 경험에 얼마나 만족하셨나요?`,
's57adf424d57c8a0f': `보내기`,
's58bacdd6b9a10a85': `매우 쉬움`,
's5d6b01658490775e': `어떤 점이 개선되면 더 좋을까요?`,
's6c1b00e4dc957d0a': `가장 마음에 드는 점은 무엇인가요?`,
's6ead281adf0d371d': `보내는 중…`,
's71de7ca243dff98b': `매우 불만족`,
's76fbd65d61ef0672': `친구나 동료에게 저희를 추천할 가능성은 얼마나 되나요?`,
's91c4e300c49233e6': `답변을 보내지 못했어요. 다시 시도해 주세요.`,
's9e9d00c88a321a5a': `오늘 필요하신 것을 얼마나 쉽게 얻으셨나요?`,
'saddaf7040ac84cf1': `보통`,
'sbb588bb505779122': `피드백`,
'sbc31d8e1b74394ed': `불만족`,
'sc63c89b87c10ff4c': `이 점수를 주신 가장 큰 이유는 무엇인가요?`,
'sdf7d5e32032c2aac': `페이지 끝에 간단한 설문이 열려 있어요.`,
'sf1d7c751277ec33c': `소중한 의견 감사합니다!`,
'sf570dcccb791e8f4': `적극 추천함`,
    };
  