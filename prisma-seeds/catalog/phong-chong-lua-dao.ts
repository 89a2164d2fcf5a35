import type { SeedCourse } from './types';

export const phongChongLuaDao: SeedCourse = {
  slug: 'phong-chong-lua-dao',
  title: 'Nhận biết và phòng tránh lừa đảo trực tuyến',
  summary:
    'Nhận ra dấu hiệu chung của lừa đảo qua điện thoại và mạng, các chiêu giả danh cơ quan nhà nước, giả người thân, việc nhẹ lương cao, đầu tư, mua bán trên mạng, và biết phải làm gì ngay khi lỡ bị lừa.',
  audience: 'RESIDENTS',
  topic: 'ONLINE_SAFETY',
  estimatedMinutes: 55,
  lessons: [
    {
      title: 'Dấu hiệu chung của mọi vụ lừa đảo',
      bodyMarkdown: `Kẻ lừa đảo thay đổi chiêu trò liên tục, nhưng hầu hết các vụ lừa đều có chung vài dấu hiệu. Nhớ được những dấu hiệu này, bạn sẽ nhận ra cả những chiêu mới chưa từng nghe.

## Năm dấu hiệu cảnh báo

1. **Gây sợ hãi hoặc mừng rỡ**: "Bạn liên quan đến vụ án", "con bạn đang cấp cứu", "bạn trúng thưởng xe máy". Khi sợ hay mừng, người ta dễ làm theo mà không suy nghĩ.
2. **Giục gấp**: "phải làm ngay trong 30 phút", "không được cúp máy". Kẻ gian không muốn bạn có thời gian hỏi ai.
3. **Đòi giữ bí mật**: "không được nói với người nhà, nếu không sẽ bị liên lụy".
4. **Yêu cầu chuyển tiền, mã OTP, mật khẩu**, hoặc bấm đường link, cài ứng dụng lạ.
5. **Hứa lợi nhuận hoặc thu nhập cao bất thường** mà bỏ ít công sức.

Chỉ cần thấy một trong những dấu hiệu này, hãy **dừng lại**.

## Quy tắc "Dừng, Kiểm tra, Hỏi"

- **Dừng**: không chuyển tiền, không bấm link, không đọc mã ngay lúc đó. Cúp máy cũng không sao.
- **Kiểm tra**: tự gọi lại cho người thân bằng số bạn đã lưu từ trước; tự tìm số điện thoại của cơ quan, ngân hàng qua kênh chính thức, không dùng số người lạ cho.
- **Hỏi**: kể với con cháu, hàng xóm, cán bộ thôn hoặc công an xã, phường. Người ngoài cuộc thường nhận ra lừa đảo rất nhanh.

## Những điều cần nhớ mãi

- **Mã OTP là chìa khóa tài khoản của bạn.** Ngân hàng, công an, nhà mạng không bao giờ hỏi mã OTP.
- Số lạ gọi đến, tin nhắn lạ, dù hiện tên cơ quan hay ngân hàng, vẫn có thể là giả.
- Tài khoản ngân hàng, SIM điện thoại, tài khoản mạng xã hội của mình: **không cho ai mượn, thuê hay mua lại**. Kẻ gian dùng chúng để nhận tiền lừa, và người cho mượn có thể bị liên lụy trước pháp luật.`,
      quiz: {
        passMark: 60,
        questions: [
          {
            prompt: 'Dấu hiệu nào thường gặp trong các vụ lừa đảo? (Chọn tất cả đáp án đúng)',
            choices: [
              'Giục phải làm gấp',
              'Yêu cầu giữ bí mật với người nhà',
              'Đòi mã OTP',
              'Hẹn gặp tại trụ sở công an',
            ],
            correct: [0, 1, 2],
          },
          {
            prompt: 'Ai được phép hỏi mã OTP của bạn?',
            choices: ['Không ai cả', 'Nhân viên ngân hàng gọi đến', 'Người tự xưng là công an'],
            correct: [0],
          },
        ],
      },
    },
    {
      title: 'Giả danh công an, cơ quan nhà nước và ứng dụng giả',
      bodyMarkdown: `Đây là nhóm chiêu lừa gây thiệt hại nặng nhất, nhắm nhiều vào người lớn tuổi.

## Các kịch bản hay gặp

- **"Bạn liên quan đến vụ án"**: người gọi xưng là công an, viện kiểm sát, tòa án, nói bạn dính vào vụ rửa tiền, ma túy. Họ có thể gọi video, mặc sắc phục, gửi "lệnh bắt" có dấu đỏ. Sau đó yêu cầu bạn chuyển tiền vào "tài khoản tạm giữ" để "xác minh".
- **"Cập nhật định danh điện tử"**: người gọi xưng cán bộ công an, nói tài khoản VNeID của bạn bị lỗi, gửi đường link để cài một ứng dụng trông giống VNeID hoặc ứng dụng dịch vụ công. Ứng dụng giả xin quyền điều khiển điện thoại, đọc tin nhắn, rồi rút hết tiền trong tài khoản ngân hàng.
- **Giả điện lực, nhà mạng, bảo hiểm xã hội, cơ quan thuế**: báo sắp cắt điện, khóa SIM, "hoàn tiền bảo hiểm", "hoàn thuế", rồi gửi link hoặc yêu cầu cài ứng dụng.
- **Giả bưu tá, nhân viên giao hàng**: báo có bưu phẩm vi phạm, phải nộp phí hoặc "phạt" mới được nhận.

## Sự thật cần nhớ

- Cơ quan công an **không giải quyết vụ việc qua điện thoại hay cuộc gọi video**. Khi cần làm việc, họ gửi giấy mời hoặc giấy triệu tập, và bạn đến trụ sở.
- Không có "tài khoản tạm giữ" nào mà người dân phải chuyển tiền vào để chứng minh mình trong sạch.
- Cơ quan nhà nước **không gửi đường link** để bạn cài ứng dụng. Ứng dụng thật chỉ tải từ App Store hoặc CH Play.
- Trang web của cơ quan nhà nước Việt Nam có đuôi **.gov.vn**. Kẻ gian hay làm trang giả có tên na ná.

## Bạn nên làm gì

1. Cúp máy. Không tranh luận, không chứng minh mình vô tội qua điện thoại.
2. Không bấm link, không cài tệp có đuôi .apk do người khác gửi.
3. Đến hoặc gọi trực tiếp công an xã, phường nơi bạn ở để hỏi. Trường hợp khẩn cấp, gọi **113**.
4. Kể lại với người nhà để cả nhà cùng cảnh giác.

Nếu lỡ cài ứng dụng lạ: **tắt mạng điện thoại ngay** (bật chế độ máy bay), dùng máy khác gọi ngân hàng để khóa tài khoản, rồi mang điện thoại nhờ người có chuyên môn kiểm tra.`,
      quiz: {
        passMark: 60,
        questions: [
          {
            prompt:
              'Một người gọi video, mặc sắc phục công an, nói bạn liên quan vụ án và yêu cầu chuyển tiền để "xác minh". Đây là gì?',
            choices: ['Lừa đảo', 'Thủ tục bình thường của công an', 'Một cuộc khảo sát'],
            correct: [0],
            explanation: 'Công an không giải quyết vụ việc qua điện thoại và không yêu cầu chuyển tiền để xác minh.',
          },
          {
            prompt: 'Người gọi xưng cán bộ, gửi đường link để bạn "cập nhật VNeID". Bạn làm gì?',
            choices: [
              'Không bấm link, cúp máy và hỏi trực tiếp công an xã, phường',
              'Bấm link và cài ứng dụng theo hướng dẫn',
              'Gửi lại mã OTP để cán bộ cập nhật hộ',
            ],
            correct: [0],
          },
          {
            prompt: 'Trang web của cơ quan nhà nước Việt Nam thường có đuôi gì?',
            choices: ['.gov.vn', '.com', '.xyz'],
            correct: [0],
          },
        ],
      },
    },
    {
      title: 'Giả người thân, bạn bè trên mạng xã hội',
      bodyMarkdown: `Kẻ gian chiếm tài khoản Facebook, Zalo của một người, rồi nhắn tin vay tiền bạn bè, người thân của người đó. Vì tin nhắn đến từ tài khoản quen, nhiều người chuyển tiền ngay.

## Các chiêu thường gặp

- **Nhắn vay tiền gấp**: "Cho mình mượn 5 triệu, mai trả, đang kẹt quá". Thường kèm lý do không thể gọi điện: "đang họp", "điện thoại hỏng loa".
- **Cuộc gọi video giả**: kẻ gian dùng hình ảnh, giọng nói được làm giả bằng công nghệ (thường gọi là deepfake) để gọi video vài giây, hình mờ, tiếng rè, rồi lấy cớ mạng yếu để tắt máy và nhắn tiếp.
- **"Con đang cấp cứu"**: người lạ gọi, xưng là bác sĩ, giáo viên, báo con bạn bị tai nạn, cần chuyển tiền mổ gấp.
- **Nhờ nhận mã giúp**: "Mình gửi nhầm mã vào số bạn, bạn đọc lại giúp mình". Thực ra đó là mã để chiếm tài khoản Zalo hoặc tài khoản ngân hàng của bạn.

## Cách kiểm tra

1. **Gọi lại bằng số điện thoại bạn đã lưu từ trước**, gọi thường, không gọi qua số mới người đó cung cấp. Nói chuyện đủ lâu, hỏi một chuyện riêng chỉ hai người biết.
2. Với tin báo người thân cấp cứu: gọi cho chính người thân đó, cho nhà trường, cho bệnh viện theo số bạn tự tìm.
3. Tài khoản nhận tiền **không đứng tên** người đang nhắn vay: gần như chắc chắn là lừa đảo.

## Bảo vệ tài khoản của chính mình

- Bật **xác thực hai lớp** cho Facebook, Zalo, thư điện tử: khi đăng nhập trên máy lạ, phải có thêm mã gửi về điện thoại của bạn.
- Không đọc mã xác nhận cho bất kỳ ai.
- Không bấm vào đường link "bình chọn", "nhận quà" gửi qua tin nhắn, dù từ người quen.

## Khi tài khoản của bạn bị chiếm

Báo ngay cho người thân, bạn bè qua kênh khác (gọi điện, nhờ người khác đăng) để mọi người không chuyển tiền. Dùng chức năng khôi phục tài khoản của mạng xã hội đó.`,
    },
    {
      title: 'Việc nhẹ lương cao, đầu tư và mua bán trên mạng',
      bodyMarkdown: `Nhóm chiêu này đánh vào mong muốn kiếm thêm thu nhập hoặc mua được hàng rẻ. Người bị lừa thường mất tiền dần dần, càng nạp càng mất.

## "Việc nhẹ lương cao", "làm nhiệm vụ"

Kẻ gian mời làm việc tại nhà: thả tim, xem video, đánh giá sản phẩm, "chốt đơn hàng ảo". Mấy lần đầu bạn được trả vài chục nghìn đồng thật, để tin. Sau đó họ yêu cầu **nạp tiền** để nhận "nhiệm vụ lớn", rồi báo bạn "làm sai thao tác", phải nạp thêm mới rút được. Tiền không bao giờ rút ra được.

**Quy tắc**: công việc thật không bắt người làm nộp tiền trước.

## Đầu tư lợi nhuận cao

Lời mời vào nhóm "chuyên gia" chứng khoán, tiền ảo, vàng, ngoại hối, hứa lãi mỗi ngày vài phần trăm, khoe ảnh chụp lợi nhuận của "thành viên". Ứng dụng, trang web đầu tư do chính kẻ gian lập ra; con số lãi trên màn hình là giả.

**Quy tắc**: lời hứa lợi nhuận cao, chắc chắn, không rủi ro là dấu hiệu lừa đảo.

## Vay tiền qua ứng dụng

Ứng dụng cho vay dễ dàng, không cần thế chấp, nhưng đòi quyền đọc danh bạ, ảnh trên điện thoại. Lãi và phí rất cao; khi chậm trả, họ nhắn tin bôi nhọ, đe dọa người thân của bạn. Nếu cần vay, hãy đến ngân hàng, tổ chức tín dụng được cấp phép.

## Mua bán trên mạng

- Người bán đòi **chuyển khoản đặt cọc** hoặc thanh toán toàn bộ rồi chặn liên lạc.
- Hàng giá rẻ bất thường so với thị trường.
- Giả người mua: nói đã chuyển tiền, gửi đường link "nhận tiền" yêu cầu nhập thông tin thẻ ngân hàng và mã OTP.

**Cách phòng tránh**: ưu tiên nhận hàng rồi mới trả tiền; mua trên sàn thương mại điện tử uy tín và thanh toán trong sàn; đọc kỹ đánh giá; không bao giờ nhập mã OTP để "nhận tiền", vì nhận tiền không cần mã OTP.`,
      quiz: {
        passMark: 60,
        questions: [
          {
            prompt:
              'Một công việc "làm tại nhà" yêu cầu bạn nạp tiền trước để nhận nhiệm vụ lớn hơn. Đây là dấu hiệu gì?',
            choices: ['Lừa đảo', 'Việc làm uy tín', 'Chính sách hỗ trợ của Nhà nước'],
            correct: [0],
          },
          {
            prompt: 'Người mua hàng gửi đường link "nhận tiền" và đề nghị bạn nhập mã OTP. Bạn nghĩ sao?',
            choices: ['Nhận tiền không cần mã OTP, đây là lừa đảo', 'Cần nhập mã OTP thì mới nhận được tiền'],
            correct: [0],
          },
        ],
      },
    },
    {
      title: 'Lỡ bị lừa: làm gì ngay',
      bodyMarkdown: `Dù cẩn thận đến đâu, ai cũng có thể bị lừa. Điều quan trọng là **hành động nhanh**: càng sớm, càng có cơ hội giữ lại tiền và ngăn kẻ gian lừa thêm người khác. Đừng vì xấu hổ mà im lặng.

## Trong giờ đầu tiên

1. **Gọi ngay cho ngân hàng** của bạn qua số tổng đài in trên thẻ, trên ứng dụng hoặc trang web chính thức. Đề nghị khóa tài khoản, khóa thẻ, và báo giao dịch lừa đảo để ngân hàng phối hợp xử lý với ngân hàng nhận tiền.
2. Nếu đã cài ứng dụng lạ: **bật chế độ máy bay**, tắt wifi, không dùng điện thoại đó để giao dịch nữa. Dùng máy khác để gọi.
3. **Đổi mật khẩu** các tài khoản quan trọng (ngân hàng, thư điện tử, Zalo, Facebook) từ một thiết bị an toàn.
4. Nếu đã đọc mã OTP hoặc mật khẩu VNeID cho người lạ, báo công an xã, phường để được hướng dẫn khóa tạm thời tài khoản định danh điện tử.

## Trình báo

- Đến **cơ quan công an gần nhất** để trình báo. Trường hợp khẩn cấp, gọi **113**.
- Mang theo và giữ lại **bằng chứng**: ảnh chụp màn hình tin nhắn, số điện thoại, tên tài khoản mạng xã hội, đường link, biên lai và nội dung chuyển khoản, số tài khoản nhận tiền. Đừng xóa cuộc trò chuyện.
- Ghi lại thời gian các cuộc gọi và số tiền đã chuyển theo thứ tự.

## Cảnh báo người khác

- Báo cho người thân, bạn bè, nhóm Zalo của thôn, tổ dân phố về chiêu lừa bạn vừa gặp (không cần nêu số tiền nếu bạn ngại).
- Dùng chức năng báo cáo của mạng xã hội hoặc ứng dụng nhắn tin để báo tài khoản, số điện thoại lừa đảo.

## Cẩn thận lừa đảo lần hai

Sau khi bị lừa, nhiều người lại nhận được lời mời "lấy lại tiền" từ người tự xưng luật sư, hacker, "cán bộ thu hồi tài sản", đòi trả phí trước. **Đây cũng là lừa đảo.** Chỉ làm việc với cơ quan công an và ngân hàng qua kênh chính thức.`,
    },
  ],
  finalQuiz: {
    passMark: 70,
    questions: [
      {
        prompt: 'Quy tắc ba bước khi gặp tình huống đáng ngờ là gì?',
        choices: ['Dừng, Kiểm tra, Hỏi', 'Bấm, Cài, Chuyển', 'Im lặng, Giữ bí mật, Làm theo'],
        correct: [0],
      },
      {
        prompt: 'Công an làm việc với người dân về một vụ việc như thế nào?',
        choices: [
          'Gửi giấy mời hoặc giấy triệu tập để người dân đến trụ sở',
          'Gọi video và yêu cầu chuyển tiền vào tài khoản tạm giữ',
          'Gửi đường link cài ứng dụng để "làm việc trực tuyến"',
        ],
        correct: [0],
      },
      {
        prompt: 'Bạn nhận tin nhắn Zalo từ tài khoản của một người bạn, hỏi vay tiền gấp. Cách kiểm tra đúng là gì?',
        choices: [
          'Gọi điện thường cho bạn đó bằng số đã lưu từ trước',
          'Chuyển tiền ngay vì là tài khoản quen',
          'Gọi lại số mới mà tin nhắn cung cấp',
        ],
        correct: [0],
      },
      {
        prompt: 'Những việc nào KHÔNG bao giờ nên làm? (Chọn tất cả đáp án đúng)',
        choices: [
          'Đọc mã OTP cho người khác',
          'Cho người khác thuê tài khoản ngân hàng hoặc SIM của mình',
          'Cài tệp .apk do người lạ gửi',
          'Tải ứng dụng ngân hàng từ App Store hoặc CH Play',
        ],
        correct: [0, 1, 2],
      },
      {
        prompt: 'Lời mời đầu tư hứa lãi mỗi ngày vài phần trăm, chắc chắn không rủi ro. Đây là gì?',
        choices: ['Dấu hiệu lừa đảo', 'Cơ hội làm giàu an toàn', 'Sản phẩm tiết kiệm của Nhà nước'],
        correct: [0],
      },
      {
        prompt: 'Vừa chuyển tiền cho kẻ lừa đảo, việc đầu tiên nên làm là gì?',
        choices: [
          'Gọi ngay ngân hàng qua số tổng đài chính thức để khóa tài khoản và báo giao dịch lừa đảo',
          'Chờ vài ngày xem kẻ gian có trả lại không',
          'Xóa hết tin nhắn cho đỡ lo',
        ],
        correct: [0],
      },
      {
        prompt: 'Khi trình báo công an, bạn nên mang theo những bằng chứng nào? (Chọn tất cả đáp án đúng)',
        choices: [
          'Ảnh chụp màn hình tin nhắn',
          'Biên lai chuyển khoản và số tài khoản nhận tiền',
          'Số điện thoại, đường link của kẻ gian',
          'Mật khẩu và mã OTP ngân hàng của bạn',
        ],
        correct: [0, 1, 2],
        explanation:
          'Mọi dấu vết của kẻ gian đều giúp cơ quan công an điều tra, nên đừng xóa; còn mật khẩu và mã OTP thì không ai cần biết.',
      },
      {
        prompt: 'Sau khi bị lừa, có người tự xưng "hacker" nhận lấy lại tiền nếu bạn trả phí trước. Bạn làm gì?',
        choices: [
          'Từ chối; đây cũng là lừa đảo',
          'Trả phí để nhanh lấy lại tiền',
          'Cho họ mật khẩu ngân hàng để họ kiểm tra',
        ],
        correct: [0],
      },
      {
        prompt: 'Số điện thoại khẩn cấp của công an là số nào?',
        choices: ['113', '114', '115'],
        correct: [0],
        explanation: '113 là công an, 114 là cứu hỏa và cứu nạn, 115 là cấp cứu y tế.',
      },
    ],
  },
};
