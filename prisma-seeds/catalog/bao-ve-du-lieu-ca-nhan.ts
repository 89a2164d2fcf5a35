import type { SeedCourse } from './types';

export const baoVeDuLieuCaNhan: SeedCourse = {
  slug: 'bao-ve-du-lieu-ca-nhan',
  title: 'Bảo vệ dữ liệu cá nhân của bạn',
  summary:
    'Dữ liệu cá nhân là gì và vì sao kẻ gian săn lùng nó, quyền của bạn theo Luật Bảo vệ dữ liệu cá nhân, cách giữ an toàn điện thoại và tài khoản, chia sẻ cẩn thận trên mạng và xử lý khi thông tin bị lộ.',
  audience: 'RESIDENTS',
  topic: 'DATA_AND_INFORMATION',
  estimatedMinutes: 50,
  lessons: [
    {
      title: 'Dữ liệu cá nhân là gì, vì sao cần bảo vệ',
      bodyMarkdown: `**Dữ liệu cá nhân** là mọi thông tin giúp nhận ra một người cụ thể, hoặc gắn với một người cụ thể. Nó không chỉ là giấy tờ, mà còn là những dấu vết bạn để lại hằng ngày trên điện thoại và trên mạng.

## Ví dụ

- **Thông tin cơ bản**: họ tên, ngày sinh, số định danh cá nhân, số điện thoại, địa chỉ, ảnh chân dung, tên tài khoản mạng xã hội.
- **Thông tin nhạy cảm**, nếu lộ ra có thể gây hại lớn hơn: tình trạng sức khỏe, bệnh án, dấu vân tay và khuôn mặt, thông tin tài khoản ngân hàng và thu nhập, vị trí bạn đang ở, tôn giáo, thông tin về con nhỏ.

Pháp luật cũng chia dữ liệu cá nhân thành dữ liệu cá nhân cơ bản và dữ liệu cá nhân nhạy cảm; loại nhạy cảm được bảo vệ chặt chẽ hơn.

## Kẻ gian dùng dữ liệu của bạn làm gì

- **Lừa đảo có kịch bản**: khi biết tên bạn, tên con bạn, trường con học, kẻ gian gọi điện nói đúng những chi tiết đó khiến bạn tin ngay.
- **Mạo danh**: dùng ảnh căn cước của bạn để mở tài khoản, đăng ký SIM, vay tiền qua ứng dụng.
- **Chiếm tài khoản**: biết số điện thoại và ngày sinh, chúng đoán mật khẩu hoặc lừa lấy mã OTP.
- **Quảng cáo làm phiền**: dữ liệu bị mua bán khiến bạn nhận cuộc gọi, tin nhắn rác suốt ngày.

## Dữ liệu bị lộ từ đâu

- Chính chúng ta đăng lên mạng xã hội: ảnh căn cước, vé máy bay, giấy báo trúng tuyển của con.
- Đưa bản chụp giấy tờ cho người lạ, cửa hàng, mà không ghi rõ mục đích.
- Điền vào các mẫu "khảo sát", "nhận quà", "bói tên" trên mạng.
- Ứng dụng xin quá nhiều quyền trên điện thoại.
- Cơ sở kinh doanh, tổ chức để lộ dữ liệu khách hàng.

Phần lớn những nguồn lộ này nằm trong tay chính chúng ta, nên vài thói quen đơn giản đã giảm được rất nhiều rủi ro. Các bài sau sẽ hướng dẫn cụ thể.`,
      quiz: {
        passMark: 60,
        questions: [
          {
            prompt: 'Thông tin nào là dữ liệu cá nhân? (Chọn tất cả đáp án đúng)',
            choices: ['Số điện thoại của bạn', 'Ảnh chân dung của bạn', 'Giá lúa hôm nay ở chợ xã'],
            correct: [0, 1],
          },
          {
            prompt: 'Thông tin nào thuộc loại nhạy cảm, cần bảo vệ chặt chẽ hơn?',
            choices: ['Tình trạng sức khỏe và bệnh án', 'Tên thôn nơi bạn ở', 'Màu áo bạn thích'],
            correct: [0],
          },
        ],
      },
    },
    {
      title: 'Quyền của bạn theo Luật Bảo vệ dữ liệu cá nhân',
      bodyMarkdown: `Quốc hội đã thông qua **Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15**, có hiệu lực từ ngày **01/01/2026**. Luật áp dụng với cơ quan nhà nước, doanh nghiệp, tổ chức và cá nhân có xử lý dữ liệu cá nhân, tức là thu thập, lưu trữ, sử dụng, chia sẻ thông tin của người khác.

Bài này giới thiệu những điểm chính bằng lời thường. Khi cần áp dụng vào một việc cụ thể, hãy đọc văn bản luật và các văn bản hướng dẫn, hoặc hỏi cơ quan chức năng.

## Người dân có những quyền gì

Bạn là **chủ thể dữ liệu**, tức là người mà dữ liệu nói về. Luật trao cho bạn các quyền như:

- **Được biết** ai thu thập dữ liệu của mình, để làm gì.
- **Đồng ý hoặc không đồng ý** cho xử lý dữ liệu, trừ những trường hợp luật quy định không cần sự đồng ý, và **rút lại sự đồng ý**.
- **Xem, yêu cầu chỉnh sửa** dữ liệu sai về mình.
- **Yêu cầu xóa, hạn chế xử lý** dữ liệu trong những trường hợp luật cho phép.
- **Khiếu nại, tố cáo, khởi kiện** và yêu cầu bồi thường khi bị xâm phạm.

## Sự đồng ý phải rõ ràng

Sự đồng ý phải là tự nguyện, bạn biết rõ mình đồng ý cho việc gì. Một ô đánh dấu sẵn hoặc việc bạn im lặng không nên được hiểu là bạn đã đồng ý. Khi một ứng dụng hay cửa hàng xin thông tin, hãy hỏi: **để làm gì, lưu bao lâu, có chia sẻ cho ai không**.

## Những việc bị cấm

Luật nghiêm cấm **mua, bán dữ liệu cá nhân** (trừ trường hợp luật có quy định khác), cũng như việc lợi dụng dữ liệu cá nhân để lừa đảo, xâm phạm quyền, lợi ích của người khác. Nếu bạn được mời mua danh sách số điện thoại khách hàng, hoặc có người đề nghị mua thông tin của bạn, đó là việc làm trái pháp luật.

## Nghĩa vụ của chính bạn

Quyền đi kèm trách nhiệm: tự bảo vệ dữ liệu của mình, và **tôn trọng dữ liệu của người khác**. Không đăng ảnh, thông tin của người khác khi chưa được họ đồng ý, không chia sẻ danh sách, số điện thoại của hàng xóm cho người lạ.`,
      quiz: {
        passMark: 60,
        questions: [
          {
            prompt: 'Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15 có hiệu lực từ ngày nào?',
            choices: ['01/01/2026', '01/01/2020', 'Chưa có hiệu lực'],
            correct: [0],
          },
          {
            prompt: 'Việc mua, bán danh sách số điện thoại khách hàng là việc gì?',
            choices: ['Việc bị pháp luật nghiêm cấm', 'Việc kinh doanh bình thường', 'Việc được khuyến khích'],
            correct: [0],
          },
        ],
      },
    },
    {
      title: 'Giữ an toàn điện thoại và tài khoản',
      bodyMarkdown: `Điện thoại là nơi chứa nhiều dữ liệu cá nhân nhất của mỗi người: danh bạ, ảnh, tin nhắn, ứng dụng ngân hàng, VNeID. Giữ điện thoại an toàn là bảo vệ gần như mọi thứ.

## Khóa màn hình

Đặt khóa bằng mã số (ít nhất 6 số, không dùng ngày sinh hay 123456), vân tay hoặc khuôn mặt. Khi điện thoại bị mất, khóa màn hình là lớp bảo vệ đầu tiên.

## Mật khẩu mạnh và khác nhau

- Mật khẩu nên dài, ví dụ ghép một câu dễ nhớ với chữ số và ký hiệu, thay vì dùng tên hay ngày sinh.
- **Mỗi tài khoản quan trọng một mật khẩu riêng** (ngân hàng, thư điện tử, Zalo, Facebook). Nếu một nơi bị lộ, các nơi khác vẫn an toàn.
- Nếu khó nhớ, có thể ghi vào sổ tay cất ở nhà, không ghi lên điện thoại hay dán cạnh máy.

## Bật xác thực hai lớp

Với thư điện tử, mạng xã hội, hãy bật **xác thực hai lớp** trong phần cài đặt bảo mật. Khi có người đăng nhập trên máy lạ, ngoài mật khẩu họ còn cần mã gửi về điện thoại của bạn.

## Cài và cấp quyền cho ứng dụng

1. Chỉ cài ứng dụng từ **App Store** hoặc **CH Play**.
2. Khi ứng dụng xin quyền, tự hỏi: ứng dụng này có thật sự cần không? Ứng dụng đèn pin không cần danh bạ; ứng dụng chỉnh ảnh không cần đọc tin nhắn.
3. Thỉnh thoảng vào cài đặt của điện thoại, mục quyền ứng dụng, tắt những quyền không cần thiết và gỡ ứng dụng không còn dùng.
4. Đặc biệt cẩn thận với ứng dụng xin quyền **trợ năng** hoặc quyền hiển thị trên ứng dụng khác: ứng dụng lừa đảo thường xin các quyền này để điều khiển máy của bạn.

## Cập nhật và mạng

- Cập nhật hệ điều hành và ứng dụng khi có bản mới, vì bản mới thường vá các lỗ hổng bảo mật.
- Không giao dịch ngân hàng khi dùng wifi công cộng không có mật khẩu; dùng mạng di động thì an toàn hơn.

## Khi bán hoặc cho điện thoại cũ

Sao lưu dữ liệu, đăng xuất mọi tài khoản, rồi **khôi phục cài đặt gốc** để xóa sạch dữ liệu. Tháo SIM và thẻ nhớ ra.`,
    },
    {
      title: 'Chia sẻ cẩn thận trên mạng và khi đưa giấy tờ',
      bodyMarkdown: `Nhiều vụ lộ thông tin bắt đầu từ một bức ảnh khoe niềm vui. Trước khi đăng hay đưa giấy tờ, hãy dừng lại vài giây để nghĩ.

## Đừng đăng lên mạng xã hội

- Ảnh **thẻ căn cước**, bằng lái xe, hộ chiếu, sổ đỏ, giấy khai sinh, kể cả khi che một phần.
- **Vé máy bay, thẻ lên tàu**: mã vạch trên đó chứa thông tin đặt chỗ.
- **Giấy báo trúng tuyển, bảng điểm** của con có họ tên, ngày sinh, trường học.
- Ảnh **biển số nhà**, địa chỉ cụ thể, hay lịch đi vắng dài ngày ("cả nhà đi du lịch một tuần").
- Thông tin **bệnh tật** của mình và của người khác.

Với ảnh của trẻ em, hãy hạn chế đăng công khai; đặt chế độ chỉ bạn bè xem và không kèm tên trường, lớp.

## Kiểm tra chế độ hiển thị

Trong phần cài đặt quyền riêng tư của Facebook, Zalo, bạn có thể chọn ai được xem bài đăng, số điện thoại, ngày sinh, danh sách bạn bè. Nên để ở mức **bạn bè** hoặc **chỉ mình tôi** cho thông tin cá nhân.

## Khi phải đưa bản chụp giấy tờ

Đôi khi bạn cần gửi ảnh căn cước cho một cửa hàng, công ty. Hãy:

1. Hỏi rõ **để làm gì** và có thật sự cần không. Ngày càng nhiều nơi xác minh bằng VNeID mà không cần giữ bản chụp.
2. Ghi chữ lên ảnh hoặc bản photo, chéo qua phần thông tin, ví dụ: **"Chỉ dùng để ký hợp đồng điện tại cửa hàng A, ngày ..."**. Kẻ gian khó dùng lại bản chụp đó cho việc khác.
3. Không gửi ảnh giấy tờ qua tin nhắn cho người mình không biết rõ.

## Cẩn thận với trò chơi, khảo sát

Các trò "xem bạn giống ai", "bói tên", "nhận quà tri ân" thường bắt đăng nhập bằng tài khoản mạng xã hội hoặc điền số điện thoại, ngày sinh. Đó là cách thu gom dữ liệu. Không tham gia là an toàn nhất.

## Tôn trọng thông tin của người khác

Trước khi đăng ảnh có người khác, chuyển tiếp tin nhắn có số điện thoại, địa chỉ của ai đó, hãy hỏi ý kiến họ.`,
      quiz: {
        passMark: 60,
        questions: [
          {
            prompt: 'Thứ nào KHÔNG nên đăng lên mạng xã hội? (Chọn tất cả đáp án đúng)',
            choices: ['Ảnh thẻ căn cước', 'Ảnh vé máy bay có mã vạch', 'Ảnh cánh đồng lúa chín'],
            correct: [0, 1],
          },
          {
            prompt: 'Khi buộc phải gửi ảnh căn cước cho một cửa hàng, nên làm gì?',
            choices: [
              'Ghi rõ mục đích sử dụng và ngày lên ảnh, chéo qua phần thông tin',
              'Gửi ảnh gốc rõ nét không ghi chú gì',
              'Đăng ảnh lên nhóm Zalo chung cho tiện',
            ],
            correct: [0],
          },
        ],
      },
    },
    {
      title: 'Khi thông tin của bạn bị lộ',
      bodyMarkdown: `Bạn có thể biết thông tin của mình bị lộ qua nhiều dấu hiệu: người lạ gọi điện đọc đúng họ tên, địa chỉ của bạn; nhận mã OTP mà mình không hề yêu cầu; bạn bè báo có tài khoản mạo danh bạn; nhận thông báo đăng nhập lạ; hay có khoản vay đứng tên bạn mà bạn không biết.

## Bình tĩnh và cảnh giác hơn

Khi kẻ gian đã có thông tin của bạn, cuộc gọi lừa đảo sẽ nghe rất thật. **Biết đúng tên và địa chỉ của bạn không có nghĩa người gọi là cán bộ thật.** Áp dụng quy tắc: không chuyển tiền, không đọc mã, tự gọi lại số chính thức để kiểm tra.

## Các bước cần làm

1. **Đổi mật khẩu** tài khoản bị nghi lộ và các tài khoản dùng chung mật khẩu đó. Bật xác thực hai lớp.
2. **Đăng xuất khỏi các thiết bị lạ**: nhiều ứng dụng có mục xem các thiết bị đang đăng nhập, cho phép đăng xuất từ xa.
3. **Báo ngân hàng** nếu thông tin thẻ, tài khoản bị lộ, để khóa hoặc đổi thẻ.
4. **Báo nền tảng mạng xã hội** về tài khoản mạo danh bằng chức năng báo cáo, và báo bạn bè, người thân để họ không bị lừa.
5. Nếu ảnh căn cước bị dùng để mở tài khoản, vay tiền, đăng ký SIM: liên hệ đơn vị liên quan để xác minh, khóa dịch vụ, và **trình báo cơ quan công an**.
6. Giữ lại bằng chứng: ảnh chụp màn hình, số điện thoại, tin nhắn, thời gian.

## Khi một tổ chức làm lộ dữ liệu của bạn

Theo pháp luật về bảo vệ dữ liệu cá nhân, tổ chức xử lý dữ liệu có trách nhiệm bảo vệ dữ liệu và xử lý khi xảy ra vi phạm. Bạn có quyền yêu cầu tổ chức đó cho biết chuyện gì đã xảy ra, yêu cầu chỉnh sửa hoặc xóa dữ liệu trong trường hợp luật cho phép, và có quyền khiếu nại, khởi kiện, yêu cầu bồi thường nếu bị thiệt hại.

## Phòng hơn chữa

Sau sự cố, hãy xem lại cả quá trình: thông tin lộ từ đâu, thói quen nào cần sửa. Chia sẻ kinh nghiệm với gia đình, nhất là người lớn tuổi và trẻ em trong nhà.`,
    },
  ],
  finalQuiz: {
    passMark: 70,
    questions: [
      {
        prompt: 'Dữ liệu cá nhân là gì?',
        choices: [
          'Thông tin giúp nhận ra hoặc gắn với một người cụ thể',
          'Chỉ là số tiền trong tài khoản ngân hàng',
          'Chỉ là những gì ghi trong sổ hộ khẩu giấy',
        ],
        correct: [0],
      },
      {
        prompt: 'Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15 có hiệu lực từ khi nào?',
        choices: ['01/01/2026', '01/07/2024', '01/01/2030'],
        correct: [0],
      },
      {
        prompt: 'Theo luật, người dân có những quyền nào với dữ liệu của mình? (Chọn tất cả đáp án đúng)',
        choices: [
          'Được biết ai thu thập dữ liệu và để làm gì',
          'Rút lại sự đồng ý',
          'Yêu cầu chỉnh sửa dữ liệu sai',
          'Bán dữ liệu của hàng xóm',
        ],
        correct: [0, 1, 2],
      },
      {
        prompt: 'Mật khẩu nào an toàn hơn?',
        choices: ['Một câu dài dễ nhớ ghép với chữ số và ký hiệu', '123456', 'Ngày sinh của bạn'],
        correct: [0],
      },
      {
        prompt: 'Ứng dụng đèn pin xin quyền đọc danh bạ và tin nhắn. Bạn nên làm gì?',
        choices: [
          'Từ chối quyền hoặc gỡ ứng dụng',
          'Cho phép hết để ứng dụng chạy tốt',
          'Gửi danh bạ cho nhà phát triển',
        ],
        correct: [0],
      },
      {
        prompt: 'Việc nào giúp bảo vệ tài khoản mạng xã hội tốt hơn?',
        choices: ['Bật xác thực hai lớp', 'Dùng chung một mật khẩu cho mọi tài khoản', 'Cho bạn bè mượn mật khẩu'],
        correct: [0],
      },
      {
        prompt: 'Người lạ gọi điện đọc đúng họ tên, địa chỉ của bạn và tự xưng là cán bộ. Điều đó có nghĩa gì?',
        choices: [
          'Chưa chứng minh được gì; có thể dữ liệu của bạn đã bị lộ, cần tự kiểm tra qua kênh chính thức',
          'Chắc chắn họ là cán bộ thật',
          'Nên làm theo mọi yêu cầu của họ',
        ],
        correct: [0],
      },
      {
        prompt: 'Trước khi bán điện thoại cũ, cần làm gì?',
        choices: [
          'Sao lưu, đăng xuất tài khoản, khôi phục cài đặt gốc, tháo SIM và thẻ nhớ',
          'Chỉ cần xóa vài tấm ảnh',
          'Không cần làm gì',
        ],
        correct: [0],
      },
    ],
  },
};
