
    // Do not modify this file by hand!
    // Re-generate this file by running lit-localize

    
    

    /* eslint-disable no-irregular-whitespace */
    /* eslint-disable @typescript-eslint/no-explicit-any */

    export const templates = {
      'ces-high': `Sangat mudah`,
'ces-low': `Sangat sulit`,
'ces-question': `Seberapa mudah Anda mendapatkan apa yang Anda butuhkan hari ini?`,
'choose-score': `Pilih skor untuk mengirim jawaban Anda.`,
'close': `Tutup survei`,
'csat-1': `Sangat tidak puas`,
'csat-2': `Tidak puas`,
'csat-3': `Netral`,
'csat-4': `Puas`,
'csat-5': `Sangat puas`,
'csat-question': `Seberapa puas Anda dengan pengalaman Anda?`,
'feedback': `Masukan`,
'follow-up-high': `Apa yang paling Anda sukai?`,
'follow-up-low': `Apa alasan utama Anda memberikan skor tersebut?`,
'follow-up-middle': `Apa yang bisa kami tingkatkan?`,
'nps-high': `Sangat mungkin`,
'nps-low': `Sama sekali tidak mungkin`,
'nps-question': `Seberapa besar kemungkinan Anda merekomendasikan kami kepada teman atau kolega?`,
'open-notice': `Ada survei singkat yang terbuka di akhir halaman.`,
'send': `Kirim`,
'send-failed': `Jawaban Anda tidak dapat dikirim. Silakan coba lagi.`,
'sending': `Mengirim…`,
'tab-notice': `Ada tombol masukan di akhir halaman.`,
'thanks': `Terima kasih atas masukan Anda!`,
    };
  