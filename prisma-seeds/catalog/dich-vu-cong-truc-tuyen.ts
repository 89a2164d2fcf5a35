import type { SeedCourse } from './types';

export const dichVuCongTrucTuyen: SeedCourse = {
  slug: 'dich-vu-cong-truc-tuyen',
  title: 'Nộp hồ sơ trực tuyến trên Cổng Dịch vụ công quốc gia',
  summary:
    'Từng bước đăng nhập Cổng Dịch vụ công quốc gia bằng VNeID, tìm đúng thủ tục, chuẩn bị giấy tờ, nộp hồ sơ, thanh toán lệ phí và theo dõi cho đến khi nhận kết quả.',
  audience: 'RESIDENTS',
  topic: 'ONLINE_PUBLIC_SERVICES',
  estimatedMinutes: 60,
  lessons: [
    {
      title: 'Dịch vụ công trực tuyến giúp gì cho bạn',
      bodyMarkdown: `Dịch vụ công trực tuyến là cách làm thủ tục hành chính với cơ quan nhà nước qua mạng Internet. Thay vì mang giấy tờ đến nộp, xếp hàng rồi quay lại nhiều lần, bạn khai và gửi hồ sơ bằng điện thoại hoặc máy tính, ở nhà hay ở bất cứ đâu có mạng.

## Hai loại dịch vụ công trực tuyến

- **Toàn trình**: mọi bước, từ nộp hồ sơ, nộp lệ phí đến nhận kết quả, đều làm trên mạng. Kết quả có thể là bản điện tử, hoặc gửi về nhà qua bưu điện nếu bạn chọn.
- **Một phần**: bạn nộp hồ sơ trên mạng, nhưng vẫn có bước phải đến cơ quan, ví dụ để đối chiếu bản gốc hoặc nhận kết quả bản giấy.

Trang thông tin của mỗi thủ tục đều ghi rõ nó thuộc loại nào.

## Cổng Dịch vụ công quốc gia

Địa chỉ của Cổng là **dichvucong.gov.vn**. Đây là nơi tập trung các thủ tục của các bộ, ngành và địa phương. Một số thủ tục còn làm được ngay trong ứng dụng VNeID. Hãy gõ đúng địa chỉ này, đừng bấm vào đường link lạ gửi qua tin nhắn, vì kẻ gian hay làm trang web giả có giao diện giống hệt.

## Lợi ích

- Tiết kiệm thời gian và tiền đi lại, nhất là với người ở xa trung tâm xã.
- Biết rõ cần giấy tờ gì, lệ phí bao nhiêu, bao lâu có kết quả.
- Theo dõi được hồ sơ đang ở bước nào, ai đang xử lý.
- Nhiều giấy tờ đã có trong cơ sở dữ liệu quốc gia nên không phải nộp lại.

## Ví dụ thủ tục hay dùng

Đăng ký khai sinh, cấp phiếu lý lịch tư pháp, cấp đổi giấy phép lái xe, đăng ký thường trú hoặc tạm trú. Có những nhóm thủ tục được làm liên thông, như khai sinh cùng với đăng ký thường trú và cấp thẻ bảo hiểm y tế cho trẻ dưới 6 tuổi: nộp một lần, nhận nhiều kết quả.

Nếu chưa tự tin, bạn có thể đến Trung tâm phục vụ hành chính công của xã, phường để được cán bộ hoặc tình nguyện viên hướng dẫn làm lần đầu.`,
      quiz: {
        passMark: 60,
        questions: [
          {
            prompt: 'Dịch vụ công trực tuyến "toàn trình" nghĩa là gì?',
            choices: [
              'Mọi bước từ nộp hồ sơ, nộp lệ phí đến nhận kết quả đều làm trên mạng',
              'Phải đến cơ quan ít nhất ba lần',
              'Chỉ xem được hướng dẫn trên mạng, còn hồ sơ phải nộp giấy',
            ],
            correct: [0],
          },
          {
            prompt: 'Địa chỉ đúng của Cổng Dịch vụ công quốc gia là gì?',
            choices: ['dichvucong.gov.vn', 'dichvucong-online.com', 'Đường link bất kỳ gửi qua tin nhắn'],
            correct: [0],
            explanation: 'Trang web chính thức của cơ quan nhà nước Việt Nam có đuôi .gov.vn.',
          },
        ],
      },
    },
    {
      title: 'Đăng nhập Cổng bằng tài khoản định danh điện tử',
      bodyMarkdown: `Người dân đăng nhập Cổng Dịch vụ công quốc gia bằng **tài khoản định danh điện tử VNeID**. Vì vậy, trước khi học bài này, bạn cần đã kích hoạt VNeID mức độ 2 (xem khóa học về VNeID).

## Cách 1: quét mã QR (dùng trên máy tính)

1. Trên máy tính, mở trình duyệt và gõ **dichvucong.gov.vn**.
2. Bấm **Đăng nhập**, chọn đăng nhập bằng tài khoản định danh điện tử.
3. Màn hình hiện một mã QR.
4. Trên điện thoại, mở VNeID, chọn chức năng **quét mã QR**, đưa camera vào mã trên màn hình.
5. Xác nhận đăng nhập trên điện thoại (ứng dụng có thể hỏi mã passcode). Máy tính sẽ tự vào tài khoản của bạn.

## Cách 2: nhập số định danh và mật khẩu

1. Ở màn hình đăng nhập bằng tài khoản định danh điện tử, nhập **số định danh cá nhân** và **mật khẩu VNeID**.
2. Xác nhận bằng mã OTP gửi về điện thoại hoặc xác nhận trong ứng dụng VNeID, tùy theo hướng dẫn trên màn hình.

## Làm trên điện thoại

Bạn có thể mở dichvucong.gov.vn ngay trên trình duyệt của điện thoại và đăng nhập theo hướng dẫn; khi đó Cổng có thể chuyển sang ứng dụng VNeID để bạn xác nhận.

## Lần đầu đăng nhập

Cổng lấy họ tên, ngày sinh, số định danh từ tài khoản định danh, nên bạn không phải khai lại. Hãy kiểm tra mục thông tin cá nhân, bổ sung số điện thoại và email để nhận thông báo về hồ sơ.

## Giữ an toàn

- Trên máy tính công cộng, ví dụ ở nhà văn hóa hay điểm bưu điện, ưu tiên cách quét mã QR và nhớ **đăng xuất** khi xong việc.
- Không bao giờ nhờ người khác đăng nhập hộ bằng mật khẩu của mình.
- Giao diện của Cổng có thể thay đổi theo thời gian; nếu không thấy nút như mô tả, hãy tìm chữ "Đăng nhập" ở góc trên màn hình.`,
    },
    {
      title: 'Tìm đúng thủ tục và chuẩn bị giấy tờ',
      bodyMarkdown: `Nộp đúng thủ tục ngay từ đầu giúp hồ sơ không bị trả lại. Hãy dành vài phút đọc kỹ trước khi bấm nộp.

## Tìm thủ tục

1. Sau khi đăng nhập, gõ tên việc bạn cần làm vào ô **tìm kiếm**, dùng từ ngắn gọn như "khai sinh", "lý lịch tư pháp", "giấy phép lái xe".
2. Trong kết quả, chọn thủ tục có tên đúng nhất với việc của bạn. Có khi một việc có nhiều thủ tục gần giống nhau (cấp mới, cấp lại, cấp đổi), nên đọc kỹ tên.
3. Chọn **cơ quan thực hiện**: tỉnh, thành phố và xã, phường nơi bạn nộp. Từ ngày 01/7/2025, nhiều thủ tục trước đây làm ở huyện nay do xã, phường tiếp nhận.

## Đọc trang thông tin thủ tục

Mỗi thủ tục có một trang mô tả. Hãy xem các mục:

- **Thành phần hồ sơ**: những giấy tờ cần nộp, bản chụp hay bản điện tử.
- **Lệ phí**: bao nhiêu tiền, có được miễn giảm không.
- **Thời hạn giải quyết**: bao lâu có kết quả.
- **Cách nhận kết quả**: bản điện tử, nhận tại nơi nộp hay gửi qua bưu điện.

## Chuẩn bị giấy tờ

- Chụp ảnh giấy tờ rõ nét, đủ bốn góc, không bị lóa đèn, đặt trên nền phẳng. Nhiều điện thoại có chức năng quét tài liệu giúp ảnh thẳng và rõ hơn.
- Đặt tên tệp dễ hiểu, ví dụ "giay-chung-sinh.jpg", để khỏi nhầm khi đính kèm.
- Kiểm tra dung lượng và định dạng tệp mà Cổng chấp nhận (thường là ảnh hoặc PDF).
- Một số giấy tờ đã có trong cơ sở dữ liệu quốc gia, như thông tin căn cước và cư trú, sẽ được hệ thống tự lấy. Bạn không cần chụp lại những giấy tờ này nếu Cổng không yêu cầu.

## Khi chưa rõ

Nếu đọc xong vẫn chưa biết nên nộp thủ tục nào, hãy hỏi cán bộ một cửa ở xã, phường hoặc dùng mục hỏi đáp trên Cổng. Hỏi trước vẫn nhanh hơn nộp sai rồi làm lại.`,
      quiz: {
        passMark: 60,
        questions: [
          {
            prompt: 'Trước khi nộp, bạn nên đọc những mục nào của trang thủ tục? (Chọn tất cả đáp án đúng)',
            choices: ['Thành phần hồ sơ', 'Lệ phí', 'Thời hạn giải quyết', 'Quảng cáo ở cuối trang'],
            correct: [0, 1, 2],
          },
          {
            prompt: 'Ảnh chụp giấy tờ đính kèm cần như thế nào?',
            choices: [
              'Rõ nét, đủ bốn góc, không bị lóa',
              'Càng nhỏ càng tốt, mờ cũng được',
              'Chụp nghiêng để thấy cả mặt bàn',
            ],
            correct: [0],
          },
        ],
      },
    },
    {
      title: 'Khai tờ khai, đính kèm, nộp lệ phí và gửi hồ sơ',
      bodyMarkdown: `Khi đã chọn đúng thủ tục và chuẩn bị giấy tờ, bạn bấm **Nộp trực tuyến** để bắt đầu. Các bước dưới đây là chung cho phần lớn thủ tục; từng thủ tục có thể hỏi thêm vài thông tin riêng.

## 1. Khai tờ khai điện tử

- Nhiều ô đã được điền sẵn từ tài khoản định danh của bạn. Kiểm tra lại, đừng sửa những gì đã đúng.
- Điền các ô còn trống, nhất là ô có dấu sao (bắt buộc). Viết tiếng Việt có dấu, đúng như trên giấy tờ.
- Nếu khai cho người khác (ví dụ khai sinh cho con), đọc kỹ từng mục xem đang hỏi thông tin của ai.

## 2. Đính kèm giấy tờ

Ở phần thành phần hồ sơ, bấm chọn tệp cho từng loại giấy tờ. Với giấy tờ đã có trong kho dữ liệu của bạn trên Cổng, có thể chọn dùng lại mà không cần tải lên lần nữa.

## 3. Chọn cách nhận kết quả

Chọn nhận bản điện tử, nhận tại nơi nộp, hoặc gửi qua bưu điện về nhà (có thể mất thêm cước). Ghi địa chỉ nhận thật đầy đủ.

## 4. Nộp lệ phí

Nếu thủ tục có lệ phí, Cổng chuyển bạn sang bước thanh toán. Bạn chọn ngân hàng hoặc ví điện tử, rồi xác nhận trên ứng dụng ngân hàng của mình. Chỉ thanh toán trong các bước của Cổng; không chuyển khoản cho cá nhân nào tự xưng là "cán bộ thu hộ".

## 5. Kiểm tra và gửi

Xem lại toàn bộ tờ khai và tệp đính kèm, đánh dấu cam kết thông tin là đúng sự thật rồi bấm **Nộp hồ sơ**. Màn hình sẽ hiện **mã hồ sơ**. Hãy chụp màn hình hoặc ghi lại mã này, vì bạn sẽ dùng nó để tra cứu.

## Nếu đang làm dở

Nếu mạng yếu hoặc phải dừng giữa chừng, nhiều thủ tục cho phép lưu nháp. Khi quay lại, vào mục quản lý hồ sơ của bạn để làm tiếp, không cần khai lại từ đầu.`,
    },
    {
      title: 'Theo dõi hồ sơ, bổ sung và nhận kết quả',
      bodyMarkdown: `Nộp xong chưa phải là hết việc. Theo dõi hồ sơ giúp bạn biết sớm khi cơ quan cần bổ sung, tránh để hồ sơ quá hạn.

## Tra cứu hồ sơ

1. Đăng nhập Cổng, vào mục **quản lý hồ sơ** (hoặc mục hồ sơ đã nộp) trong trang cá nhân.
2. Tìm hồ sơ theo mã hồ sơ hoặc theo tên thủ tục.
3. Xem trạng thái, ví dụ: đã tiếp nhận, đang xử lý, yêu cầu bổ sung, đã có kết quả, hoặc bị từ chối kèm lý do.

Bạn cũng nhận được tin nhắn hoặc thư điện tử báo thay đổi trạng thái nếu đã khai số điện thoại và email.

## Khi được yêu cầu bổ sung

Cán bộ sẽ ghi rõ cần sửa hoặc thêm giấy tờ gì. Bạn mở hồ sơ, bổ sung đúng nội dung được yêu cầu rồi gửi lại. Hãy làm sớm, vì thời hạn giải quyết thường chỉ tiếp tục tính khi hồ sơ đã đủ.

## Nhận kết quả

- **Bản điện tử**: tải về từ trang hồ sơ, lưu vào điện thoại hoặc kho dữ liệu cá nhân trên Cổng. Bản điện tử này có thể dùng lại cho các thủ tục sau.
- **Nhận tại nơi nộp**: mang theo giấy tờ tùy thân và mã hồ sơ đến bộ phận một cửa.
- **Qua bưu điện**: giữ điện thoại bên mình để nhân viên bưu điện liên hệ khi giao.

## Khi hồ sơ bị từ chối

Đọc kỹ lý do. Nếu do thiếu giấy tờ hay nộp nhầm thủ tục, hãy chuẩn bị lại và nộp hồ sơ mới. Nếu chưa hiểu lý do, hỏi cán bộ một cửa hoặc dùng chức năng phản ánh, kiến nghị trên Cổng.

## Đánh giá

Sau khi nhận kết quả, Cổng mời bạn đánh giá mức độ hài lòng. Ý kiến của bạn giúp cơ quan nhà nước cải thiện dịch vụ, nên hãy dành một phút đánh giá thật lòng.

## Giúp người thân

Khi đã làm được, bạn có thể hướng dẫn cha mẹ, hàng xóm cùng làm. Hãy để chính họ tự đăng nhập và xác nhận trên điện thoại của mình.`,
      quiz: {
        passMark: 60,
        questions: [
          {
            prompt: 'Sau khi nộp, bạn cần giữ lại thông tin gì để tra cứu hồ sơ?',
            choices: ['Mã hồ sơ', 'Mật khẩu ngân hàng', 'Số seri điện thoại'],
            correct: [0],
          },
          {
            prompt: 'Hồ sơ ở trạng thái "yêu cầu bổ sung". Bạn nên làm gì?',
            choices: [
              'Bổ sung sớm đúng nội dung cán bộ yêu cầu rồi gửi lại',
              'Bỏ qua, hồ sơ sẽ tự được duyệt',
              'Chuyển tiền cho người gọi điện tự xưng cán bộ để được duyệt nhanh',
            ],
            correct: [0],
          },
        ],
      },
    },
  ],
  finalQuiz: {
    passMark: 70,
    questions: [
      {
        prompt: 'Người dân dùng tài khoản nào để đăng nhập Cổng Dịch vụ công quốc gia?',
        choices: ['Tài khoản định danh điện tử VNeID', 'Tài khoản mạng xã hội', 'Tài khoản do người lạ tạo hộ'],
        correct: [0],
      },
      {
        prompt: 'Dịch vụ công trực tuyến "một phần" khác "toàn trình" ở điểm nào?',
        choices: [
          'Vẫn có bước phải đến cơ quan, ví dụ để đối chiếu bản gốc hoặc nhận kết quả giấy',
          'Chỉ làm được vào ngày nghỉ',
          'Không phải nộp hồ sơ',
        ],
        correct: [0],
      },
      {
        prompt: 'Trang thông tin của một thủ tục cho bạn biết những gì? (Chọn tất cả đáp án đúng)',
        choices: ['Thành phần hồ sơ', 'Lệ phí', 'Thời hạn giải quyết', 'Số dư tài khoản ngân hàng của bạn'],
        correct: [0, 1, 2],
      },
      {
        prompt: 'Nộp lệ phí cho hồ sơ trực tuyến thế nào là đúng?',
        choices: [
          'Thanh toán trong các bước của Cổng, xác nhận trên ứng dụng ngân hàng của mình',
          'Chuyển khoản cho cá nhân tự xưng là cán bộ thu hộ',
          'Gửi tiền mặt qua người quen',
        ],
        correct: [0],
        explanation: 'Chỉ thanh toán trong các bước của Cổng; không chuyển tiền cho cá nhân.',
      },
      {
        prompt: 'Sau khi bấm nộp hồ sơ, màn hình hiện mã hồ sơ. Bạn nên làm gì?',
        choices: ['Ghi lại hoặc chụp màn hình để tra cứu sau', 'Bỏ qua vì không cần', 'Đăng lên mạng xã hội'],
        correct: [0],
      },
      {
        prompt: 'Khi hồ sơ bị yêu cầu bổ sung, vì sao nên làm sớm?',
        choices: [
          'Vì thời hạn giải quyết thường chỉ tiếp tục tính khi hồ sơ đã đủ',
          'Vì sẽ bị phạt tiền ngay',
          'Không cần làm sớm, hồ sơ tự hoàn thiện',
        ],
        correct: [0],
      },
      {
        prompt: 'Bạn dùng máy tính ở nhà văn hóa để nộp hồ sơ. Việc nào nên làm? (Chọn tất cả đáp án đúng)',
        choices: [
          'Đăng nhập bằng cách quét mã QR với ứng dụng VNeID',
          'Đăng xuất khi xong việc',
          'Lưu mật khẩu VNeID trên trình duyệt của máy chung',
        ],
        correct: [0, 1],
      },
      {
        prompt: 'Kết quả bản điện tử nhận trên Cổng có thể dùng thế nào?',
        choices: [
          'Lưu lại và dùng lại cho các thủ tục sau',
          'Chỉ xem được một lần rồi mất',
          'Phải in ra mới có giá trị trong mọi trường hợp',
        ],
        correct: [0],
      },
    ],
  },
};
