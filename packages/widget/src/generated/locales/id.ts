
    // Do not modify this file by hand!
    // Re-generate this file by running lit-localize

    
    

    /* eslint-disable no-irregular-whitespace */
    /* eslint-disable @typescript-eslint/no-explicit-any */

    export const templates = {
      's07071cb97f23b81f': `Sangat sulit`,
's1e32fea455ae1943': `Tutup survei`,
's1fb0a10fccd35fdf': `Pilih skor untuk mengirim jawaban Anda.`,
's2059c211722db06b': `Puas`,
's296c9be7e30df661': `Sangat puas`,
's3ecda119aafe73e7': `Survei`,
's4143ea8e5edf4544': `Sama sekali tidak mungkin`,
's4e6e6c8772f8e472': `Seberapa puas Anda dengan pengalaman Anda?`,
's57adf424d57c8a0f': `Kirim`,
's58bacdd6b9a10a85': `Sangat mudah`,
's5d6b01658490775e': `Apa yang bisa kami tingkatkan?`,
's6c1b00e4dc957d0a': `Apa yang paling Anda sukai?`,
's6ead281adf0d371d': `Mengirim…`,
's71de7ca243dff98b': `Sangat tidak puas`,
's76fbd65d61ef0672': `Seberapa besar kemungkinan Anda merekomendasikan kami kepada teman atau kolega?`,
's91c4e300c49233e6': `Jawaban Anda tidak dapat dikirim. Silakan coba lagi.`,
's9e9d00c88a321a5a': `Seberapa mudah Anda mendapatkan apa yang Anda butuhkan hari ini?`,
'saddaf7040ac84cf1': `Netral`,
'sbb588bb505779122': `Masukan`,
'sbc31d8e1b74394ed': `Tidak puas`,
'sc63c89b87c10ff4c': `Apa alasan utama Anda memberikan skor tersebut?`,
'sdf7d5e32032c2aac': `Ada survei singkat yang terbuka di akhir halaman.`,
'sf1d7c751277ec33c': `Terima kasih atas masukan Anda!`,
'sf570dcccb791e8f4': `Sangat mungkin`,
    };
  