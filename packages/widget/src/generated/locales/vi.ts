
    // Do not modify this file by hand!
    // Re-generate this file by running lit-localize

    
    

    /* eslint-disable no-irregular-whitespace */
    /* eslint-disable @typescript-eslint/no-explicit-any */

    export const templates = {
      's07071cb97f23b81f': `Rất khó`,
's1e32fea455ae1943': `Đóng khảo sát`,
's1fb0a10fccd35fdf': `Vui lòng chọn điểm để gửi câu trả lời của bạn.`,
's2059c211722db06b': `Hài lòng`,
's296c9be7e30df661': `Rất hài lòng`,
's3ecda119aafe73e7': `Khảo sát`,
's4143ea8e5edf4544': `Hoàn toàn không có khả năng`,
's4e6e6c8772f8e472': `Bạn hài lòng với trải nghiệm của mình ở mức nào?`,
's57adf424d57c8a0f': `Gửi`,
's58bacdd6b9a10a85': `Rất dễ`,
's5d6b01658490775e': `Điều gì sẽ giúp trải nghiệm của bạn tốt hơn?`,
's6c1b00e4dc957d0a': `Bạn thích điều gì nhất?`,
's6ead281adf0d371d': `Đang gửi…`,
's71de7ca243dff98b': `Rất không hài lòng`,
's76fbd65d61ef0672': `Khả năng bạn giới thiệu chúng tôi với bạn bè hoặc đồng nghiệp là bao nhiêu?`,
's91c4e300c49233e6': `Không thể gửi câu trả lời của bạn. Vui lòng thử lại.`,
's9e9d00c88a321a5a': `Hôm nay, bạn đạt được điều mình cần dễ dàng đến mức nào?`,
'saddaf7040ac84cf1': `Bình thường`,
'sbb588bb505779122': `Góp ý`,
'sbc31d8e1b74394ed': `Không hài lòng`,
'sc63c89b87c10ff4c': `Lý do chính khiến bạn cho điểm này là gì?`,
'sdf7d5e32032c2aac': `Một khảo sát ngắn đang mở ở cuối trang.`,
'sf1d7c751277ec33c': `Cảm ơn bạn đã góp ý!`,
'sf570dcccb791e8f4': `Rất có khả năng`,
    };
  