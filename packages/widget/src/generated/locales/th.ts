
    // Do not modify this file by hand!
    // Re-generate this file by running lit-localize

    
    

    /* eslint-disable no-irregular-whitespace */
    /* eslint-disable @typescript-eslint/no-explicit-any */

    export const templates = {
      'ces-high': `ง่ายมาก`,
'ces-low': `ยากมาก`,
'ces-question': `วันนี้คุณได้สิ่งที่ต้องการง่ายเพียงใด`,
'choose-score': `โปรดเลือกคะแนนเพื่อส่งคำตอบ`,
'close': `ปิดแบบสำรวจ`,
'csat-1': `ไม่พึงพอใจมาก`,
'csat-2': `ไม่พึงพอใจ`,
'csat-3': `เฉย ๆ`,
'csat-4': `พึงพอใจ`,
'csat-5': `พึงพอใจมาก`,
'csat-question': `คุณพึงพอใจกับประสบการณ์ที่ได้รับมากน้อยเพียงใด`,
'feedback': `ความคิดเห็น`,
'follow-up-high': `สิ่งที่คุณชอบมากที่สุดคืออะไร`,
'follow-up-low': `เหตุผลหลักที่คุณให้คะแนนนี้คืออะไร`,
'follow-up-middle': `มีสิ่งใดที่เราควรปรับปรุงบ้าง`,
'nps-high': `มีแนวโน้มอย่างยิ่ง`,
'nps-low': `ไม่มีแนวโน้มเลย`,
'nps-question': `คุณมีแนวโน้มที่จะแนะนำเราให้เพื่อนหรือเพื่อนร่วมงานมากน้อยเพียงใด`,
'open-notice': `มีแบบสำรวจสั้น ๆ เปิดอยู่ที่ท้ายหน้า`,
'send': `ส่ง`,
'send-failed': `ไม่สามารถส่งคำตอบได้ โปรดลองอีกครั้ง`,
'sending': `กำลังส่ง…`,
'tab-notice': `มีปุ่มแสดงความคิดเห็นอยู่ที่ท้ายหน้า`,
'thanks': `ขอบคุณสำหรับความคิดเห็นของคุณ`,
    };
  