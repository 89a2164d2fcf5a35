import type { SeedCourse } from './types';

export const chuKySoCaNhan: SeedCourse = {
  slug: 'chu-ky-so-ca-nhan',
  title: 'Ký văn bản bằng chữ ký số cá nhân',
  summary:
    'Chữ ký số là gì và có giá trị ra sao, cách đăng ký chữ ký số cá nhân, từng bước ký một tệp PDF hay tờ khai trực tuyến, kiểm tra chữ ký và giữ an toàn khóa ký của mình.',
  audience: 'RESIDENTS',
  topic: 'DIGITAL_SIGNATURES',
  estimatedMinutes: 45,
  lessons: [
    {
      title: 'Chữ ký số là gì và có giá trị thế nào',
      bodyMarkdown: `Khi làm việc trên giấy, bạn ký tay để xác nhận "tôi đồng ý với nội dung này". Khi làm việc trên mạng, **chữ ký số** làm đúng việc đó cho một văn bản điện tử, như tệp PDF, tờ khai dịch vụ công hay hợp đồng.

## Chữ ký số hoạt động ra sao

Mỗi người có chữ ký số được cấp một cặp "chìa khóa" điện tử:

- **Khóa bí mật**: chỉ mình bạn giữ, dùng để ký. Nó nằm trong thiết bị ký (USB ký số, SIM) hoặc được nhà cung cấp lưu giữ an toàn, chỉ mở khi bạn xác nhận bằng mã PIN.
- **Khóa công khai**: ai cũng xem được, dùng để kiểm tra chữ ký.

Kèm theo là **chứng thư chữ ký số**, giống như "giấy chứng nhận" do tổ chức cung cấp dịch vụ được cấp phép phát hành, xác nhận chữ ký này là của bạn và còn hiệu lực đến ngày nào.

## Vì sao đáng tin

- Chữ ký số gắn với đúng nội dung văn bản lúc ký. Nếu ai đó sửa dù chỉ một chữ sau khi ký, phần mềm kiểm tra sẽ báo chữ ký không còn hợp lệ.
- Người ký không thể chối là mình không ký, vì chỉ người giữ khóa bí mật mới tạo ra được chữ ký đó.

## Giá trị pháp lý

Luật Giao dịch điện tử năm 2023 công nhận giá trị pháp lý của chữ ký điện tử. Chữ ký số cá nhân đáp ứng điều kiện an toàn theo quy định có giá trị tương đương chữ ký tay của người đó trên văn bản giấy. Vì vậy, **ký số cũng là cam kết thật sự**: hãy đọc kỹ trước khi ký, như khi ký giấy.

## Dùng vào việc gì

- Ký tờ khai, hồ sơ khi làm dịch vụ công trực tuyến, với những thủ tục cho phép ký số.
- Ký hợp đồng lao động, hợp đồng mua bán, giấy ủy quyền dưới dạng điện tử khi bên kia chấp nhận.
- Ký văn bản gửi cơ quan, doanh nghiệp mà không phải in, ký tay, rồi quét lại.

Chữ ký số không phải là ảnh chụp chữ ký tay dán vào văn bản. Một hình chữ ký dán vào tệp thì ai cũng sao chép được, còn chữ ký số thì không.`,
      quiz: {
        passMark: 60,
        questions: [
          {
            prompt: 'Chìa khóa nào của chữ ký số chỉ người ký được giữ?',
            choices: ['Khóa bí mật', 'Khóa công khai', 'Mã QR của văn bản'],
            correct: [0],
          },
          {
            prompt: 'Một văn bản đã ký số bị sửa một chữ sau khi ký. Điều gì xảy ra?',
            choices: [
              'Phần mềm kiểm tra báo chữ ký không còn hợp lệ',
              'Chữ ký tự cập nhật theo nội dung mới',
              'Không có gì thay đổi',
            ],
            correct: [0],
            explanation: 'Chữ ký số gắn với nội dung lúc ký nên mọi thay đổi đều bị phát hiện.',
          },
          {
            prompt: 'Ảnh chụp chữ ký tay dán vào tệp PDF có phải là chữ ký số không?',
            choices: ['Có', 'Không'],
            correct: [1],
            explanation:
              'Ảnh chữ ký ai cũng sao chép được; chữ ký số được tạo bằng khóa bí mật và chứng thư chữ ký số.',
          },
        ],
      },
    },
    {
      title: 'Các hình thức chữ ký số và cách đăng ký',
      bodyMarkdown: `Chữ ký số cá nhân do các tổ chức cung cấp dịch vụ chữ ký số được Nhà nước cấp phép phát hành. Nhiều nhà mạng viễn thông và doanh nghiệp công nghệ lớn có cung cấp dịch vụ này. Bạn chọn hình thức phù hợp với cách mình làm việc.

## Ba hình thức phổ biến

- **Ký số từ xa (trên điện thoại)**: khóa bí mật được nhà cung cấp lưu giữ an toàn. Khi ký, bạn xác nhận trên ứng dụng điện thoại bằng mã PIN hoặc vân tay, khuôn mặt. Không cần thiết bị riêng, hợp với người dân.
- **USB ký số (token)**: một thiết bị nhỏ cắm vào máy tính, chứa khóa bí mật. Phải cài phần mềm đi kèm và cắm USB mỗi lần ký.
- **SIM ký số**: khóa ký nằm trong SIM điện thoại; xác nhận bằng mã PIN khi có yêu cầu ký.

## Các bước đăng ký (thường gặp)

1. Chọn nhà cung cấp và gói dịch vụ. Hỏi rõ **giá**, **thời hạn hiệu lực** của chứng thư (thường tính theo năm) và cách gia hạn.
2. Đăng ký tại điểm giao dịch của nhà cung cấp, hoặc trên ứng dụng chính thức của họ tải từ App Store, CH Play.
3. **Xác minh danh tính**: cung cấp thẻ căn cước, chụp ảnh khuôn mặt. Một số nhà cung cấp cho phép xác minh qua tài khoản định danh điện tử VNeID.
4. Đọc và ký hợp đồng, điều khoản sử dụng dịch vụ.
5. Nhận chứng thư chữ ký số, đặt **mã PIN** riêng của bạn. Với ký số từ xa, cài ứng dụng ký của nhà cung cấp trên điện thoại; với USB ký số, cài phần mềm đi kèm trên máy tính.

## Lưu ý khi đăng ký

- Đăng ký cho **chính mình**, bằng giấy tờ của mình. Không đăng ký hộ rồi giữ chữ ký của người khác, và không để ai đăng ký chữ ký số đứng tên mình.
- Chỉ làm việc với nhà cung cấp qua kênh chính thức: điểm giao dịch, ứng dụng trên kho chính thức, tổng đài in trên trang web của họ. Cẩn thận với người gọi điện mời "làm chữ ký số miễn phí" rồi xin mã OTP.
- Ghi nhớ ngày hết hạn của chứng thư để gia hạn kịp thời.`,
    },
    {
      title: 'Từng bước ký một văn bản',
      bodyMarkdown: `Bài này mô tả cách ký thường gặp nhất: ký số từ xa trên điện thoại cho một tệp PDF. Mỗi nhà cung cấp có giao diện riêng và có thể thay đổi theo thời gian, nhưng các bước chính giống nhau.

## Trước khi ký

1. **Đọc kỹ toàn bộ văn bản.** Ký số là cam kết có giá trị pháp lý.
2. Kiểm tra đúng tệp cần ký, đúng phiên bản cuối cùng. Nên chuyển văn bản sang PDF trước khi ký, vì PDF giữ nguyên bố cục.

## Ký tệp PDF

1. Mở ứng dụng ký số của nhà cung cấp, đăng nhập tài khoản của bạn.
2. Chọn chức năng **ký tài liệu**, rồi chọn tệp PDF từ điện thoại.
3. Chọn **vị trí đặt chữ ký** trên trang, thường ở cuối văn bản, chỗ dành cho người ký.
4. Chọn chứng thư chữ ký số của bạn, nếu có nhiều chứng thư.
5. Bấm ký và **xác nhận bằng mã PIN** hoặc vân tay, khuôn mặt.
6. Lưu tệp đã ký. Nên đặt tên mới để phân biệt, ví dụ thêm chữ "da-ky" vào cuối tên tệp.
7. Gửi tệp đã ký cho người nhận. Gửi **chính tệp PDF**, không chụp màn hình hay in ra rồi quét lại, vì như vậy sẽ mất chữ ký số.

## Ký tờ khai dịch vụ công

Với những thủ tục trên Cổng Dịch vụ công có bước ký số, sau khi khai xong, bạn chọn ký số, chọn nhà cung cấp chữ ký của mình, rồi xác nhận yêu cầu ký gửi đến ứng dụng trên điện thoại. Khi điện thoại báo có yêu cầu ký, hãy kiểm tra tên tài liệu có đúng việc bạn đang làm không rồi mới xác nhận.

## Ký bằng USB ký số

Cắm USB vào máy tính, mở tệp bằng phần mềm ký đi kèm hoặc phần mềm đọc PDF có hỗ trợ, chọn ký, chọn chứng thư trong USB, nhập mã PIN. Rút USB khi đã ký xong.

## Nếu từ chối ký

Nếu thấy một yêu cầu ký mà bạn không tự tạo ra, **không xác nhận**. Bấm từ chối và báo cho nhà cung cấp dịch vụ: có thể ai đó đang tìm cách dùng chữ ký của bạn.`,
      quiz: {
        passMark: 60,
        questions: [
          {
            prompt: 'Việc đầu tiên trước khi ký một văn bản là gì?',
            choices: ['Đọc kỹ toàn bộ văn bản', 'Gửi mã PIN cho người soạn văn bản', 'Chụp ảnh chữ ký tay'],
            correct: [0],
          },
          {
            prompt: 'Sau khi ký, gửi văn bản cho người nhận thế nào để giữ được chữ ký số?',
            choices: ['Gửi chính tệp PDF đã ký', 'Chụp màn hình tệp rồi gửi ảnh', 'In ra rồi quét lại'],
            correct: [0],
          },
        ],
      },
    },
    {
      title: 'Kiểm tra chữ ký và giữ an toàn chữ ký số',
      bodyMarkdown: `Chữ ký số chỉ đáng tin khi bạn biết kiểm tra nó và giữ được khóa ký của mình.

## Kiểm tra một văn bản đã ký

Khi nhận được tệp PDF đã ký số:

1. Mở tệp bằng phần mềm đọc PDF có hỗ trợ kiểm tra chữ ký, hoặc bằng công cụ kiểm tra của nhà cung cấp.
2. Mở bảng thông tin chữ ký (thường có biểu tượng chữ ký hoặc dòng thông báo ở đầu tệp).
3. Xem: **ai là người ký**, **thời điểm ký**, chứng thư **còn hiệu lực** không, và văn bản **có bị sửa sau khi ký** không.
4. Nếu phần mềm báo chữ ký không hợp lệ hoặc văn bản đã bị thay đổi, đừng tin nội dung; hãy liên hệ người gửi để có bản đúng.

Hình chữ ký hiện trên trang chỉ để dễ nhìn. Điều quyết định là phần kiểm tra chữ ký báo hợp lệ.

## Giữ an toàn chữ ký số

- **Không cho ai biết mã PIN**, kể cả người thân hay người tự xưng là nhân viên nhà cung cấp.
- Không cho mượn USB ký số, không để USB cắm sẵn ở máy tính dùng chung.
- Đặt khóa màn hình cho điện thoại có ứng dụng ký.
- Chỉ xác nhận những yêu cầu ký do chính bạn tạo ra.
- Không ký tài liệu do người lạ gửi qua mạng, nhất là khi bị giục "ký gấp".

## Khi mất thiết bị hoặc lộ mã PIN

Liên hệ ngay nhà cung cấp qua kênh chính thức để **tạm dừng hoặc thu hồi chứng thư**. Sau khi bị thu hồi, chứng thư đó không ký được nữa, kẻ gian không thể mạo danh bạn. Bạn đăng ký lại để nhận chứng thư mới.

## Gia hạn đúng hạn

Chứng thư chữ ký số có thời hạn. Khi hết hạn, bạn không ký được văn bản mới. Hãy gia hạn trước ngày hết hạn theo hướng dẫn của nhà cung cấp. Các văn bản đã ký khi chứng thư còn hiệu lực vẫn được xem là đã ký hợp lệ tại thời điểm ký.`,
    },
  ],
  finalQuiz: {
    passMark: 70,
    questions: [
      {
        prompt: 'Chữ ký số dùng để làm gì?',
        choices: [
          'Xác nhận người ký và bảo đảm văn bản điện tử không bị sửa sau khi ký',
          'Trang trí văn bản cho đẹp',
          'Nén tệp cho nhẹ hơn',
        ],
        correct: [0],
      },
      {
        prompt: 'Chữ ký số cá nhân đáp ứng điều kiện an toàn theo quy định có giá trị thế nào?',
        choices: [
          'Tương đương chữ ký tay của người đó trên văn bản giấy',
          'Không có giá trị pháp lý',
          'Chỉ có giá trị khi in ra giấy',
        ],
        correct: [0],
        explanation: 'Luật Giao dịch điện tử năm 2023 công nhận giá trị pháp lý của chữ ký điện tử.',
      },
      {
        prompt: 'Những hình thức chữ ký số nào phổ biến hiện nay? (Chọn tất cả đáp án đúng)',
        choices: ['Ký số từ xa trên điện thoại', 'USB ký số (token)', 'SIM ký số', 'Ảnh chụp chữ ký tay'],
        correct: [0, 1, 2],
      },
      {
        prompt: 'Ai được biết mã PIN chữ ký số của bạn?',
        choices: ['Chỉ mình bạn', 'Nhân viên gọi điện tự xưng của nhà cung cấp', 'Người soạn văn bản cần ký'],
        correct: [0],
      },
      {
        prompt: 'Điện thoại báo có một yêu cầu ký mà bạn không hề tạo ra. Bạn làm gì?',
        choices: [
          'Từ chối, không xác nhận và báo cho nhà cung cấp dịch vụ',
          'Xác nhận cho xong',
          'Gửi mã PIN để hỏi người khác',
        ],
        correct: [0],
      },
      {
        prompt: 'Khi kiểm tra một tệp PDF đã ký, bạn cần xem những gì? (Chọn tất cả đáp án đúng)',
        choices: [
          'Ai là người ký',
          'Chứng thư còn hiệu lực không',
          'Văn bản có bị sửa sau khi ký không',
          'Màu mực của hình chữ ký',
        ],
        correct: [0, 1, 2],
      },
      {
        prompt: 'Bạn làm mất USB ký số. Việc cần làm ngay là gì?',
        choices: [
          'Liên hệ nhà cung cấp qua kênh chính thức để tạm dừng hoặc thu hồi chứng thư',
          'Chờ đến khi chứng thư tự hết hạn',
          'Không cần làm gì vì USB có mã PIN',
        ],
        correct: [0],
      },
      {
        prompt: 'Chứng thư chữ ký số hết hạn thì sao?',
        choices: [
          'Không ký được văn bản mới; cần gia hạn theo hướng dẫn của nhà cung cấp',
          'Tất cả văn bản đã ký trước đó bị xóa',
          'Chứng thư tự gia hạn miễn phí mãi mãi',
        ],
        correct: [0],
      },
    ],
  },
};
