
    // Do not modify this file by hand!
    // Re-generate this file by running lit-localize

    
    

    /* eslint-disable no-irregular-whitespace */
    /* eslint-disable @typescript-eslint/no-explicit-any */

    export const templates = {
      'ces-high': `매우 쉬움`,
'ces-low': `매우 어려움`,
'ces-question': `오늘 필요하신 것을 얼마나 쉽게 얻으셨나요?`,
'choose-score': `답변을 보내려면 점수를 선택해 주세요.`,
'close': `설문 닫기`,
'csat-1': `매우 불만족`,
'csat-2': `불만족`,
'csat-3': `보통`,
'csat-4': `만족`,
'csat-5': `매우 만족`,
'csat-question': `이용 경험에 얼마나 만족하셨나요?`,
'feedback': `피드백`,
'follow-up-high': `가장 마음에 드는 점은 무엇인가요?`,
'follow-up-low': `이 점수를 주신 가장 큰 이유는 무엇인가요?`,
'follow-up-middle': `어떤 점이 개선되면 더 좋을까요?`,
'nps-high': `적극 추천함`,
'nps-low': `전혀 추천하지 않음`,
'nps-question': `친구나 동료에게 저희를 추천할 가능성은 얼마나 되나요?`,
'open-notice': `페이지 끝에 간단한 설문이 열려 있어요.`,
'send': `보내기`,
'send-failed': `답변을 보내지 못했어요. 다시 시도해 주세요.`,
'sending': `보내는 중…`,
'tab-notice': `페이지 끝에 피드백 버튼이 있어요.`,
'thanks': `소중한 의견 감사합니다!`,
    };
  