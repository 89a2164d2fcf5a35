import type { SeedCourse } from './types';

export const vneidMuc2: SeedCourse = {
  slug: 'vneid-muc-2',
  title: 'Cài đặt và kích hoạt tài khoản định danh điện tử VNeID mức độ 2',
  summary:
    'Hiểu tài khoản định danh điện tử là gì, đăng ký mức độ 2 tại cơ quan công an, tự kích hoạt trên điện thoại, dùng các tiện ích chính của VNeID và giữ tài khoản an toàn.',
  audience: 'RESIDENTS',
  topic: 'DIGITAL_IDENTITY',
  estimatedMinutes: 50,
  lessons: [
    {
      title: 'VNeID là gì? Mức độ 1 và mức độ 2 khác nhau thế nào',
      bodyMarkdown: `VNeID là ứng dụng định danh điện tử chính thức do Bộ Công an xây dựng và quản lý. Nói đơn giản, tài khoản VNeID giống như **giấy tờ tùy thân trên điện thoại**: nó giúp bạn chứng minh "tôi là ai" khi làm việc trên mạng, cũng như khi bạn đưa thẻ căn cước cho cán bộ xem ở ngoài đời.

## Hai mức độ tài khoản

- **Mức độ 1**: có các thông tin cơ bản và ảnh chân dung của bạn. Người dân có thể tự đăng ký trên ứng dụng. Tài khoản này chỉ dùng được một số tiện ích cơ bản.
- **Mức độ 2**: danh tính của bạn được cán bộ công an xác minh trực tiếp, có chụp ảnh chân dung và lấy vân tay. Đây là mức độ cao hơn, dùng được đầy đủ các tiện ích của ứng dụng.

## Tài khoản mức độ 2 giúp gì cho bạn

- Xuất trình thẻ căn cước điện tử trên điện thoại thay cho thẻ giấy trong nhiều giao dịch.
- Xem và xuất trình các giấy tờ đã được tích hợp, ví dụ giấy phép lái xe, thẻ bảo hiểm y tế, giấy đăng ký xe, sau khi cơ quan chức năng đã xác thực thông tin.
- Đăng nhập Cổng Dịch vụ công quốc gia để nộp hồ sơ trực tuyến mà không phải tạo thêm tài khoản khác.
- Làm một số thủ tục ngay trên ứng dụng, như thông báo lưu trú.

Lưu ý: không phải nơi nào cũng đã chấp nhận giấy tờ điện tử cho mọi việc. Khi đi làm thủ tục quan trọng, bạn vẫn nên mang theo giấy tờ gốc.

## Ai được đăng ký

Công dân Việt Nam từ đủ 14 tuổi trở lên tự đăng ký tài khoản cho mình. Với trẻ em dưới 14 tuổi, cha, mẹ hoặc người giám hộ là người làm thủ tục. Việc đăng ký tài khoản định danh điện tử không mất phí.`,
      quiz: {
        passMark: 60,
        questions: [
          {
            prompt: 'Cơ quan nào xây dựng và quản lý ứng dụng VNeID?',
            choices: ['Bộ Công an', 'Một công ty quảng cáo', 'Ngân hàng nơi bạn mở tài khoản'],
            correct: [0],
            explanation: 'VNeID là ứng dụng định danh điện tử chính thức của Bộ Công an.',
          },
          {
            prompt: 'Điều gì làm tài khoản mức độ 2 khác với mức độ 1?',
            choices: [
              'Danh tính được cán bộ công an xác minh trực tiếp, có ảnh chân dung và vân tay',
              'Tài khoản mức độ 2 phải trả phí hằng tháng',
              'Tài khoản mức độ 2 chỉ dành cho cán bộ, công chức',
            ],
            correct: [0],
            explanation:
              'Mức độ 2 được xác minh trực tiếp tại cơ quan công an nên dùng được đầy đủ tiện ích; việc đăng ký không mất phí.',
          },
          {
            prompt: 'Ai làm thủ tục đăng ký tài khoản định danh điện tử cho trẻ em dưới 14 tuổi?',
            choices: ['Cha, mẹ hoặc người giám hộ', 'Giáo viên chủ nhiệm', 'Trẻ tự đăng ký trên mạng'],
            correct: [0],
          },
        ],
      },
    },
    {
      title: 'Chuẩn bị và đăng ký mức độ 2 tại cơ quan công an',
      bodyMarkdown: `Tài khoản mức độ 2 không tự đăng ký hoàn toàn trên mạng được, vì cán bộ cần gặp trực tiếp để xác minh bạn. Chuẩn bị kỹ sẽ giúp bạn chỉ phải đi một lần.

## Cần mang theo

1. **Thẻ căn cước hoặc căn cước công dân gắn chip** còn hạn sử dụng.
2. **Điện thoại có số thuê bao đứng tên chính bạn** (số chính chủ) và đang dùng được. Mã kích hoạt sẽ gửi về số này, nên đừng dùng số của con cháu hay số mượn.
3. Nếu có, địa chỉ thư điện tử (email) của bạn.

## Đến đâu để đăng ký

Bạn đến công an xã, phường, đặc khu, hoặc đăng ký ngay khi làm thủ tục cấp thẻ căn cước. Nên hỏi trước công an nơi mình cư trú về địa điểm và giờ tiếp nhận, vì có nơi bố trí ngày riêng hoặc tổ chức đăng ký lưu động tại thôn, tổ dân phố.

## Các bước tại nơi đăng ký

1. Đề nghị cấp tài khoản định danh điện tử mức độ 2; cán bộ sẽ hướng dẫn bạn khai thông tin theo mẫu.
2. Đọc lại và xác nhận số điện thoại, email cho thật đúng.
3. Cán bộ chụp ảnh chân dung và lấy vân tay của bạn để đối chiếu.
4. Kiểm tra các thông tin cán bộ đọc lại; nếu có sai sót, đề nghị sửa ngay.

## Sau khi đăng ký

Hồ sơ được duyệt trong một thời gian, thường là vài ngày. Khi được duyệt, bạn nhận tin nhắn thông báo về số điện thoại đã khai, và có thể tự kích hoạt tài khoản (xem bài tiếp theo). Nếu chờ lâu mà chưa có tin nhắn, hãy liên hệ lại nơi đã đăng ký.

## Cảnh giác

Đăng ký tài khoản định danh điện tử là **miễn phí**. Nếu có người gọi điện tự xưng cán bộ, nhận "làm nhanh" qua mạng, đòi tiền, hoặc gửi đường link bảo bạn bấm vào để "cập nhật mức độ 2", đó là dấu hiệu lừa đảo. Hãy từ chối và hỏi thẳng công an nơi bạn ở.`,
    },
    {
      title: 'Tải ứng dụng và tự kích hoạt tài khoản',
      bodyMarkdown: `Khi đã nhận tin nhắn báo hồ sơ được duyệt, bạn tự kích hoạt tài khoản trên điện thoại của mình. Tên nút bấm có thể thay đổi đôi chút theo phiên bản ứng dụng, nhưng các bước chính như sau.

## Tải đúng ứng dụng

1. Mở **App Store** (điện thoại iPhone) hoặc **CH Play** (điện thoại Android).
2. Tìm "VNeID", kiểm tra nhà phát triển thuộc Bộ Công an rồi bấm cài đặt.
3. Tuyệt đối không cài VNeID từ đường link trong tin nhắn, Zalo, Facebook, hay từ tệp cài đặt do người khác gửi: đó thường là ứng dụng giả để chiếm điện thoại của bạn.

## Kích hoạt

1. Mở ứng dụng VNeID, chọn **Kích hoạt tài khoản**.
2. Nhập **số định danh cá nhân** (12 chữ số in trên thẻ căn cước) và **số điện thoại** đã khai khi đăng ký.
3. Ứng dụng gửi **mã kích hoạt (mã OTP)** qua tin nhắn. Nhập mã này vào ứng dụng. Mã chỉ dùng được trong thời gian ngắn và không được đọc cho bất kỳ ai.
4. Tạo **mật khẩu** theo yêu cầu hiện trên màn hình (thường phải có chữ hoa, chữ thường, chữ số và ký tự đặc biệt). Ghi nhớ mật khẩu, không ghi lên vỏ điện thoại.
5. Tạo **mã passcode** gồm 6 chữ số. Mã này dùng khi mở các giấy tờ và chức năng quan trọng.
6. Nếu muốn, bật đăng nhập bằng vân tay hoặc khuôn mặt để mở nhanh hơn.
7. Mở mục thông tin cá nhân, kiểm tra họ tên, ngày sinh, nơi cư trú. Nếu có sai sót, báo cơ quan công an để được điều chỉnh.

## Nếu gặp trục trặc

- **Không nhận được mã**: kiểm tra sóng điện thoại, chắc chắn đang dùng đúng số đã khai, đợi một lát rồi bấm gửi lại.
- **Quên mật khẩu**: dùng chức năng quên mật khẩu trên màn hình đăng nhập, xác nhận lại bằng mã gửi về số điện thoại.
- **Đổi điện thoại mới**: đăng nhập lại trên máy mới. Tài khoản thường chỉ dùng trên một điện thoại tại một thời điểm, nên máy cũ sẽ bị đăng xuất.`,
      quiz: {
        passMark: 60,
        questions: [
          {
            prompt: 'Nên tải ứng dụng VNeID từ đâu?',
            choices: [
              'Từ App Store hoặc CH Play, kiểm tra nhà phát triển thuộc Bộ Công an',
              'Từ đường link một người lạ gửi qua Zalo',
              'Từ tệp cài đặt do người tự xưng cán bộ gửi qua tin nhắn',
            ],
            correct: [0],
            explanation: 'Ứng dụng giả thường được phát tán qua đường link và tệp cài đặt gửi qua tin nhắn.',
          },
          {
            prompt: 'Khi kích hoạt, bạn nhập những thông tin nào để nhận mã kích hoạt? (Chọn tất cả đáp án đúng)',
            choices: [
              'Số định danh cá nhân 12 chữ số',
              'Số điện thoại đã khai khi đăng ký',
              'Số tài khoản ngân hàng',
              'Mật khẩu thư điện tử',
            ],
            correct: [0, 1],
            explanation:
              'Chỉ cần số định danh cá nhân và số điện thoại đã đăng ký; VNeID không hỏi số tài khoản ngân hàng.',
          },
        ],
      },
    },
    {
      title: 'Dùng các tiện ích chính của VNeID',
      bodyMarkdown: `Sau khi kích hoạt, tài khoản mức độ 2 giúp bạn làm được nhiều việc ngay trên điện thoại. Giao diện ứng dụng được cập nhật thường xuyên, nên tên các mục có thể khác một chút; hãy tìm theo nội dung.

## Ví giấy tờ

- Mở mục **thẻ căn cước** để xem căn cước điện tử của bạn; ứng dụng sẽ hỏi mã passcode.
- Các giấy tờ khác như giấy phép lái xe, thẻ bảo hiểm y tế, giấy đăng ký xe có thể được **tích hợp** vào ví. Bạn gửi yêu cầu tích hợp trong ứng dụng, chờ cơ quan chức năng xác thực, rồi giấy tờ sẽ hiện ra.

## Xuất trình giấy tờ

Khi cần chứng minh danh tính, mở giấy tờ trên ứng dụng để cán bộ hoặc nhân viên xem, hoặc để họ quét mã QR hiển thị trên màn hình. Chỉ xuất trình cho người có nhu cầu chính đáng, như cán bộ làm thủ tục hay nhân viên ngân hàng tại quầy, và đừng để người khác cầm máy khi ứng dụng đang mở.

## Làm thủ tục trên ứng dụng

Trong mục dịch vụ công của VNeID có một số thủ tục làm được ngay, ví dụ **thông báo lưu trú** khi có khách đến ở qua đêm. Danh sách thủ tục được bổ sung dần theo từng thời kỳ.

## Đăng nhập Cổng Dịch vụ công quốc gia

Trên máy tính, vào trang dichvucong.gov.vn, chọn đăng nhập bằng tài khoản định danh điện tử. Bạn có thể dùng chức năng **quét mã QR** trong ứng dụng VNeID để quét mã hiện trên màn hình máy tính, rồi xác nhận trên điện thoại. Cách này giúp bạn không phải gõ mật khẩu trên máy tính công cộng.

## Xem thông tin cư trú

Bạn có thể xem thông tin cư trú và các thành viên trong hộ. Nếu thấy sai, hãy báo công an xã, phường nơi cư trú để được kiểm tra và điều chỉnh.

## Mẹo nhỏ

Trước khi ra ngoài làm thủ tục, mở thử ứng dụng ở nhà để chắc chắn mình nhớ mã passcode và điện thoại có mạng.`,
    },
    {
      title: 'Giữ an toàn tài khoản VNeID',
      bodyMarkdown: `Tài khoản VNeID mức độ 2 có giá trị như giấy tờ tùy thân, nên kẻ gian rất muốn chiếm được nó. Vài thói quen đơn giản sau đây sẽ bảo vệ bạn.

## Ba thứ không bao giờ đưa cho ai

1. **Mật khẩu** đăng nhập VNeID.
2. **Mã passcode** 6 chữ số.
3. **Mã OTP** gửi về điện thoại.

Kể cả người tự xưng là công an, cán bộ xã hay nhân viên ngân hàng cũng không có quyền hỏi những mã này. Cơ quan công an không gọi điện yêu cầu bạn đọc mã OTP, không gửi đường link để bạn cài ứng dụng hay "nâng cấp tài khoản".

## Chiêu lừa hay gặp

Kẻ gian gọi điện, xưng là công an, nói tài khoản định danh của bạn "bị lỗi" hoặc "cần cập nhật mức độ 2", rồi gửi đường link cài một ứng dụng trông giống VNeID. Ứng dụng giả này xin quyền điều khiển điện thoại, đọc tin nhắn, sau đó rút tiền trong tài khoản ngân hàng của bạn. Gặp cuộc gọi như vậy, hãy cúp máy và hỏi trực tiếp công an nơi bạn ở.

## Thói quen an toàn

- Đặt khóa màn hình cho điện thoại bằng mã số, vân tay hoặc khuôn mặt.
- Chỉ cài và cập nhật VNeID từ App Store hoặc CH Play.
- Không cho người khác mượn điện thoại khi ứng dụng đang mở.
- Khi nhờ con cháu hay tình nguyện viên giúp, hãy để họ hướng dẫn, còn **chính bạn tự nhập** mật khẩu và mã.
- Khi đổi số điện thoại, làm thủ tục cập nhật số mới với cơ quan công an, vì mã xác nhận luôn gửi về số đã đăng ký.

## Khi mất điện thoại

1. Báo ngay nhà mạng để khóa SIM, tránh kẻ gian nhận mã OTP.
2. Báo ngân hàng nếu điện thoại có ứng dụng ngân hàng.
3. Liên hệ công an xã, phường để được hướng dẫn khóa tạm thời tài khoản định danh điện tử, rồi kích hoạt lại trên điện thoại mới khi đã an toàn.`,
      quiz: {
        passMark: 60,
        questions: [
          {
            prompt:
              'Một người gọi điện xưng là công an, đề nghị bạn đọc mã OTP vừa nhận để "cập nhật tài khoản". Bạn làm gì?',
            choices: [
              'Đọc mã ngay cho nhanh',
              'Không đọc mã, cúp máy và hỏi trực tiếp công an nơi mình ở',
              'Đọc một nửa mã để thử',
            ],
            correct: [1],
            explanation: 'Cơ quan công an không bao giờ yêu cầu người dân đọc mã OTP qua điện thoại.',
          },
          {
            prompt: 'Khi bị mất điện thoại có cài VNeID, việc đầu tiên nên làm là gì?',
            choices: [
              'Chờ vài tuần xem có ai trả lại không',
              'Báo nhà mạng khóa SIM, báo ngân hàng và liên hệ công an để khóa tạm thời tài khoản',
              'Đăng số định danh cá nhân lên mạng xã hội để nhờ tìm',
            ],
            correct: [1],
          },
        ],
      },
    },
  ],
  finalQuiz: {
    passMark: 70,
    questions: [
      {
        prompt: 'Tài khoản định danh điện tử mức độ 2 được đăng ký ở đâu?',
        choices: [
          'Tại cơ quan công an, như công an xã, phường, đặc khu hoặc khi làm thủ tục cấp thẻ căn cước',
          'Qua đường link do người lạ gửi',
          'Tại cửa hàng bán điện thoại',
        ],
        correct: [0],
        explanation: 'Mức độ 2 cần cán bộ công an xác minh trực tiếp, chụp ảnh chân dung và lấy vân tay.',
      },
      {
        prompt: 'Khi đi đăng ký mức độ 2, bạn cần mang theo gì? (Chọn tất cả đáp án đúng)',
        choices: [
          'Thẻ căn cước hoặc căn cước công dân gắn chip còn hạn',
          'Điện thoại có số thuê bao đứng tên chính mình',
          'Sổ tiết kiệm ngân hàng',
        ],
        correct: [0, 1],
        explanation: 'Mã kích hoạt gửi về số điện thoại chính chủ; sổ tiết kiệm không liên quan.',
      },
      {
        prompt: 'Đăng ký tài khoản định danh điện tử có mất phí không?',
        choices: ['Không mất phí', 'Phải nộp phí cho người nhận làm hộ', 'Phải trả phí hằng tháng'],
        correct: [0],
        explanation: 'Việc đăng ký là miễn phí; ai đòi tiền để "làm nhanh" là dấu hiệu lừa đảo.',
      },
      {
        prompt: 'Số định danh cá nhân dùng để kích hoạt tài khoản có bao nhiêu chữ số?',
        choices: ['9 chữ số', '12 chữ số', '6 chữ số'],
        correct: [1],
        explanation: 'Số định danh cá nhân gồm 12 chữ số, in trên thẻ căn cước.',
      },
      {
        prompt: 'Những thông tin nào bạn KHÔNG được đưa cho người khác? (Chọn tất cả đáp án đúng)',
        choices: ['Mật khẩu VNeID', 'Mã passcode 6 chữ số', 'Mã OTP gửi về điện thoại', 'Tên ứng dụng VNeID'],
        correct: [0, 1, 2],
        explanation: 'Mật khẩu, passcode và mã OTP là chìa khóa của tài khoản; tên ứng dụng thì ai cũng biết.',
      },
      {
        prompt: 'Cách nào an toàn để đăng nhập Cổng Dịch vụ công quốc gia trên máy tính công cộng?',
        choices: [
          'Quét mã QR trên màn hình bằng ứng dụng VNeID rồi xác nhận trên điện thoại',
          'Nhờ người ngồi bên cạnh đăng nhập hộ bằng mật khẩu của mình',
          'Ghi mật khẩu ra giấy dán cạnh màn hình',
        ],
        correct: [0],
      },
      {
        prompt: 'Sau khi kích hoạt, bạn thấy nơi cư trú ghi trong ứng dụng bị sai. Bạn nên làm gì?',
        choices: [
          'Báo công an xã, phường nơi cư trú để được kiểm tra và điều chỉnh',
          'Xóa ứng dụng và cài lại',
          'Bỏ qua vì không quan trọng',
        ],
        correct: [0],
      },
      {
        prompt: 'Bạn đổi sang số điện thoại mới. Vì sao cần cập nhật số này với cơ quan công an?',
        choices: [
          'Vì mã xác nhận của tài khoản luôn gửi về số điện thoại đã đăng ký',
          'Vì số cũ sẽ bị tính thêm cước',
          'Không cần cập nhật gì cả',
        ],
        correct: [0],
      },
    ],
  },
};
