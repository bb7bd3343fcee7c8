
    // Do not modify this file by hand!
    // Re-generate this file by running lit-localize

    
    

    /* eslint-disable no-irregular-whitespace */
    /* eslint-disable @typescript-eslint/no-explicit-any */

    export const templates = {
      'ces-high': `Rất dễ`,
'ces-low': `Rất khó`,
'ces-question': `Hôm nay, bạn đạt được điều mình cần dễ dàng đến mức nào?`,
'choose-score': `Vui lòng chọn điểm để gửi câu trả lời của bạn.`,
'close': `Đóng khảo sát`,
'csat-1': `Rất không hài lòng`,
'csat-2': `Không hài lòng`,
'csat-3': `Bình thường`,
'csat-4': `Hài lòng`,
'csat-5': `Rất hài lòng`,
'csat-question': `Bạn hài lòng với trải nghiệm của mình ở mức nào?`,
'feedback': `Góp ý`,
'follow-up-high': `Bạn thích điều gì nhất?`,
'follow-up-low': `Lý do chính khiến bạn cho điểm này là gì?`,
'follow-up-middle': `Điều gì sẽ giúp trải nghiệm của bạn tốt hơn?`,
'nps-high': `Rất có khả năng`,
'nps-low': `Hoàn toàn không có khả năng`,
'nps-question': `Khả năng bạn giới thiệu chúng tôi với bạn bè hoặc đồng nghiệp là bao nhiêu?`,
'open-notice': `Một khảo sát ngắn đang mở ở cuối trang.`,
'send': `Gửi`,
'send-failed': `Không thể gửi câu trả lời của bạn. Vui lòng thử lại.`,
'sending': `Đang gửi…`,
'tab-notice': `Có một nút góp ý ở cuối trang.`,
'thanks': `Cảm ơn bạn đã góp ý!`,
    };
  