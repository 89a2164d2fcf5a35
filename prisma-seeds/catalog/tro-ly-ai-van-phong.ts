import type { SeedCourse } from './types';

export const troLyAiVanPhong: SeedCourse = {
  slug: 'tro-ly-ai-van-phong',
  title: 'Dùng trợ lý AI cho công việc văn phòng an toàn',
  summary:
    'Dành cho cán bộ, công chức, viên chức: trợ lý AI làm được gì và không làm được gì, cách viết yêu cầu rõ ràng, ứng dụng vào soạn thảo, tóm tắt, bảng tính, và các nguyên tắc bảo mật, kiểm chứng, chịu trách nhiệm.',
  audience: 'PUBLIC_SERVANTS',
  topic: 'AI_TOOLS',
  estimatedMinutes: 60,
  lessons: [
    {
      title: 'Trợ lý AI làm được gì, không làm được gì',
      bodyMarkdown: `Trợ lý AI (trí tuệ nhân tạo) dạng trò chuyện là công cụ mà bạn gõ câu hỏi hoặc yêu cầu bằng lời thường, và nó trả lời bằng văn bản. Có nhiều công cụ như vậy, của cả doanh nghiệp trong nước và nước ngoài; một số cơ quan đã có công cụ AI dùng nội bộ.

## Việc AI làm tốt

- Viết **bản nháp**: thư mời, thông báo, bài tuyên truyền, kế hoạch sơ bộ.
- **Tóm tắt** một văn bản dài thành các ý chính.
- **Sửa lỗi** chính tả, diễn đạt lại cho gọn, đổi giọng văn cho dễ hiểu với người dân.
- **Lập dàn ý**, liệt kê các bước, gợi ý câu hỏi cho một buổi họp.
- Giải thích công thức bảng tính, gợi ý cách trình bày số liệu.
- Dịch sơ bộ giữa tiếng Việt và ngoại ngữ.

## Giới hạn cần nhớ

- AI **có thể bịa**: nó viết trôi chảy cả những điều sai, kể cả số hiệu văn bản, điều khoản luật, số liệu, tên người. Hiện tượng này thường được gọi là "ảo giác".
- Kiến thức của AI có thể **cũ**, không cập nhật các văn bản, quy định mới ban hành.
- AI không biết hoàn cảnh cụ thể của địa phương, cơ quan bạn trừ khi bạn nói cho nó, và không có thẩm quyền quyết định thay con người.
- Chất lượng trả lời phụ thuộc nhiều vào cách bạn đặt yêu cầu.

## Cách nghĩ đúng

Hãy coi trợ lý AI như một **người giúp việc chăm chỉ nhưng chưa đáng tin hoàn toàn**: giao cho nó làm nháp, làm nhanh những việc lặp lại, còn bạn là người kiểm tra, chỉnh sửa và chịu trách nhiệm về sản phẩm cuối cùng.

Trước khi dùng bất kỳ công cụ AI nào cho công việc, hãy tìm hiểu quy định của cơ quan, đơn vị mình: công cụ nào được phép dùng, loại thông tin nào được phép đưa vào. Bài 4 của khóa học sẽ nói kỹ về bảo mật.`,
      quiz: {
        passMark: 60,
        questions: [
          {
            prompt: 'Việc nào trợ lý AI làm tốt? (Chọn tất cả đáp án đúng)',
            choices: [
              'Viết bản nháp thông báo',
              'Tóm tắt văn bản dài',
              'Quyết định thay lãnh đạo',
              'Ký văn bản thay bạn',
            ],
            correct: [0, 1],
          },
          {
            prompt: '"Ảo giác" của AI là gì?',
            choices: [
              'AI viết trôi chảy cả những thông tin sai hoặc bịa ra',
              'AI bị chậm khi mạng yếu',
              'AI hiển thị hình ảnh đẹp',
            ],
            correct: [0],
          },
        ],
      },
    },
    {
      title: 'Viết yêu cầu rõ ràng để AI trả lời đúng ý',
      bodyMarkdown: `Yêu cầu bạn gõ cho AI (thường gọi là câu lệnh hay "prompt") càng rõ thì kết quả càng dùng được. Một cách dễ nhớ là trả lời đủ **năm câu hỏi** trong yêu cầu của mình.

## Năm thành phần của một yêu cầu tốt

1. **Vai trò**: bạn muốn AI đóng vai ai? Ví dụ: "Bạn là chuyên viên văn phòng ủy ban nhân dân xã".
2. **Bối cảnh**: chuyện gì đang diễn ra, ai là người đọc? Ví dụ: "Xã tổ chức lớp Bình dân học vụ số cho người cao tuổi tại nhà văn hóa thôn".
3. **Nhiệm vụ**: cần làm gì cụ thể? Ví dụ: "Viết thông báo mời tham gia".
4. **Định dạng**: độ dài, cách trình bày. Ví dụ: "Dưới 200 chữ, có thời gian, địa điểm, những thứ cần mang theo".
5. **Giọng văn và giới hạn**: ví dụ "Lời lẽ gần gũi, dễ hiểu, không dùng từ tiếng Anh".

## Ví dụ

Yêu cầu chưa tốt: "Viết thông báo lớp học."

Yêu cầu tốt: "Bạn là chuyên viên văn phòng ủy ban nhân dân xã. Hãy viết thông báo mời người dân từ 60 tuổi trở lên tham gia lớp hướng dẫn cài đặt VNeID, lúc 8 giờ sáng thứ Bảy tại nhà văn hóa thôn. Dưới 200 chữ, lời lẽ gần gũi, nhắc người dân mang theo thẻ căn cước và điện thoại."

Trong yêu cầu trên, mọi thông tin đều là thông tin công khai, không có dữ liệu cá nhân của ai.

## Trao đổi nhiều lượt

Kết quả lần đầu chưa vừa ý thì **yêu cầu sửa tiếp** trong cùng cuộc trò chuyện: "ngắn hơn", "thêm phần lưu ý về lừa đảo", "viết lại cho người lớn tuổi dễ hiểu hơn". Bạn cũng có thể đưa mẫu văn bản có sẵn và yêu cầu AI viết theo đúng bố cục đó.

## Nhờ AI tự kiểm tra

Hãy yêu cầu AI liệt kê những chỗ nó không chắc chắn, hoặc những thông tin bạn cần tự kiểm tra lại. Cách này không thay được việc bạn tự kiểm chứng, nhưng giúp bạn biết nên soát chỗ nào trước.`,
      quiz: {
        passMark: 60,
        questions: [
          {
            prompt: 'Yêu cầu nào rõ ràng hơn?',
            choices: [
              '"Viết thông báo."',
              '"Bạn là chuyên viên văn phòng xã. Viết thông báo mời người cao tuổi dự lớp VNeID lúc 8 giờ sáng thứ Bảy tại nhà văn hóa thôn, dưới 200 chữ, lời lẽ gần gũi."',
            ],
            correct: [1],
          },
          {
            prompt: 'Kết quả lần đầu chưa vừa ý, bạn nên làm gì?',
            choices: [
              'Yêu cầu AI sửa tiếp trong cùng cuộc trò chuyện, nói rõ cần thay đổi gì',
              'Dùng luôn kết quả đầu tiên',
              'Bỏ hẳn, không dùng AI nữa',
            ],
            correct: [0],
          },
        ],
      },
    },
    {
      title: 'Ứng dụng vào công việc văn phòng hằng ngày',
      bodyMarkdown: `Dưới đây là những việc văn phòng mà trợ lý AI giúp tiết kiệm thời gian rõ rệt, kèm lưu ý cho từng việc. Trong mọi trường hợp, chỉ đưa vào AI những nội dung được phép theo quy định của cơ quan.

## Soạn thảo văn bản

Nhờ AI viết **bản nháp** thông báo, thư mời, bài tuyên truyền, câu hỏi thường gặp cho người dân. Sau đó bạn chỉnh lại cho đúng **thể thức văn bản hành chính** theo quy định hiện hành (quốc hiệu, tiêu ngữ, số, ký hiệu, nơi nhận...), vì AI thường trình bày chưa đúng thể thức.

## Tóm tắt tài liệu

Đưa một văn bản **đã công khai** (ví dụ kế hoạch của cấp trên đã ban hành) và yêu cầu: "Tóm tắt thành 5 ý chính, mỗi ý một dòng, nêu rõ việc cấp xã phải làm và thời hạn". Sau đó đối chiếu từng ý với văn bản gốc, nhất là **mốc thời gian và con số**.

## Biên bản, kết luận cuộc họp

Từ ghi chép của bạn, AI có thể sắp xếp thành biên bản có bố cục rõ ràng: thành phần, nội dung, kết luận, phân công. Hãy bỏ bớt những chi tiết cá nhân không cần thiết trước khi đưa ghi chép vào công cụ.

## Bảng tính

Mô tả bảng của bạn bằng lời (không cần đưa dữ liệu thật), ví dụ: "Cột B là tên thôn, cột C là số người đã kích hoạt VNeID. Viết công thức tính tổng theo từng thôn". AI sẽ gợi ý công thức; bạn thử trên vài dòng để chắc chắn công thức đúng.

## Viết lại cho dễ hiểu

Văn bản hướng dẫn thường nhiều thuật ngữ. Có thể yêu cầu: "Viết lại đoạn này cho người lớn tuổi ở nông thôn dễ hiểu, câu ngắn, giữ nguyên nội dung". Sau đó đọc lại xem ý nghĩa có bị thay đổi không.

## Những việc không nên giao cho AI

- Tra cứu căn cứ pháp lý thay cho việc đọc văn bản gốc.
- Quyết định về quyền lợi, nghĩa vụ của một người dân cụ thể.
- Xử lý hồ sơ có dữ liệu cá nhân hoặc tài liệu mật trên công cụ công cộng.`,
    },
    {
      title: 'Bảo mật thông tin khi dùng AI',
      bodyMarkdown: `Khi bạn gõ nội dung vào một công cụ AI trên mạng, nội dung đó được gửi đến máy chủ của nhà cung cấp. Tùy điều khoản của từng công cụ, dữ liệu có thể được lưu lại, được người của nhà cung cấp xem để kiểm tra chất lượng, hoặc được dùng để huấn luyện mô hình. Vì vậy **cái gì đã gõ vào, hãy coi như có thể bị lộ**.

## Tuyệt đối không đưa vào công cụ AI công cộng

- **Thông tin bí mật nhà nước**, tài liệu mật, tài liệu chưa được phép công bố.
- **Dữ liệu cá nhân của người dân**: họ tên gắn với số định danh cá nhân, số điện thoại, địa chỉ, tình trạng sức khỏe, hoàn cảnh gia đình, thông tin tài chính.
- Hồ sơ thủ tục hành chính, đơn thư khiếu nại, tố cáo.
- Mật khẩu, mã truy cập hệ thống, thông tin cấu hình mạng của cơ quan.

## Cách dùng an toàn

1. **Dùng công cụ được cơ quan cho phép.** Nếu cơ quan có công cụ AI nội bộ hoặc quy định riêng, hãy làm theo.
2. **Ẩn danh trước khi đưa vào**: thay tên thật bằng "Ông A", "Bà B", bỏ số định danh, số điện thoại, địa chỉ cụ thể.
3. **Chỉ đưa phần cần thiết**: muốn sửa câu chữ một đoạn thì chỉ dán đoạn đó, không dán cả hồ sơ.
4. Xem phần cài đặt của công cụ; nếu có tùy chọn không cho dùng dữ liệu để huấn luyện, hãy bật lên.
5. Đăng xuất tài khoản AI trên máy tính dùng chung.

## Tại sao quan trọng

Luật Bảo vệ dữ liệu cá nhân có hiệu lực từ ngày 01/01/2026 đặt ra trách nhiệm bảo vệ dữ liệu cá nhân cho cả cơ quan nhà nước. Một lần dán nhầm danh sách người dân vào công cụ công cộng có thể làm lộ thông tin của hàng trăm người, ảnh hưởng đến họ và đến uy tín của cơ quan.

Khi không chắc một nội dung có được phép đưa vào AI hay không, hãy **hỏi trước** người phụ trách công nghệ thông tin hoặc lãnh đạo đơn vị.`,
      quiz: {
        passMark: 60,
        questions: [
          {
            prompt: 'Thông tin nào KHÔNG được đưa vào công cụ AI công cộng? (Chọn tất cả đáp án đúng)',
            choices: [
              'Danh sách người dân kèm số định danh và số điện thoại',
              'Tài liệu mật của cơ quan',
              'Một thông báo lịch họp đã niêm yết công khai',
            ],
            correct: [0, 1],
          },
          {
            prompt: 'Cần nhờ AI sửa câu chữ một đoạn trong đơn có tên người dân. Cách làm đúng là gì?',
            choices: [
              'Ẩn danh, thay tên thật bằng "Ông A", bỏ số định danh và địa chỉ, chỉ dán đoạn cần sửa',
              'Dán nguyên cả hồ sơ cho AI hiểu đủ bối cảnh',
              'Chụp ảnh hồ sơ gửi lên',
            ],
            correct: [0],
          },
        ],
      },
    },
    {
      title: 'Kiểm chứng kết quả và chịu trách nhiệm',
      bodyMarkdown: `AI giúp bạn làm nhanh hơn, nhưng **người ký, người ban hành vẫn chịu trách nhiệm** về nội dung. Không thể giải thích một sai sót bằng câu "do AI viết".

## Những gì phải kiểm tra lại

1. **Căn cứ pháp lý**: số hiệu, ngày ban hành, tên văn bản, điều khoản. Đối chiếu với văn bản gốc trên các cơ sở dữ liệu văn bản pháp luật chính thức hoặc trên trang thông tin của cơ quan ban hành. Kiểm tra văn bản đó còn hiệu lực hay đã được thay thế.
2. **Số liệu và mốc thời gian**: so với báo cáo, kế hoạch gốc.
3. **Tên người, tên cơ quan, địa danh**: nhất là địa danh sau khi sắp xếp đơn vị hành chính.
4. **Ý nghĩa**: bản tóm tắt hay bản viết lại có làm thay đổi nội dung không, có bỏ sót ý quan trọng không.
5. **Thể thức và lời văn**: đúng thể thức văn bản hành chính, phù hợp với người đọc.

## Dấu hiệu cần nghi ngờ

- Trích dẫn rất cụ thể (số điều, khoản) nhưng bạn không tìm thấy văn bản gốc.
- Con số "tròn trịa" không rõ nguồn.
- Câu trả lời tự tin về sự kiện, quy định mới ban hành gần đây.

## Minh bạch

Làm theo quy định của cơ quan về việc ghi nhận có sử dụng AI. Khi đồng nghiệp hoặc lãnh đạo hỏi, hãy nói rõ phần nào do AI gợi ý, phần nào bạn đã kiểm tra. Không dùng AI để tạo hình ảnh, âm thanh giả mạo người thật.

## Một quy trình gọn

1. Xác định việc nào giao được cho AI.
2. Ẩn danh và chỉ đưa phần cần thiết.
3. Viết yêu cầu đủ năm thành phần.
4. Kiểm chứng theo danh sách trên.
5. Hoàn thiện, trình ký theo quy trình bình thường.

Làm đều như vậy, AI trở thành trợ thủ tốt mà không làm giảm chất lượng và độ tin cậy của công việc.`,
    },
  ],
  finalQuiz: {
    passMark: 80,
    questions: [
      {
        prompt: 'Ai chịu trách nhiệm về nội dung một văn bản được soạn với sự trợ giúp của AI?',
        choices: ['Người soạn, người ký và ban hành văn bản', 'Công ty làm ra công cụ AI', 'Không ai cả'],
        correct: [0],
      },
      {
        prompt: 'AI đưa ra một trích dẫn "theo Điều X của Nghị định Y". Bạn nên làm gì?',
        choices: [
          'Đối chiếu với văn bản gốc từ nguồn chính thức và kiểm tra văn bản còn hiệu lực',
          'Dùng luôn vì AI trích dẫn rất cụ thể',
          'Hỏi lại AI một lần là đủ',
        ],
        correct: [0],
        explanation: 'AI có thể bịa cả số hiệu và điều khoản; chỉ văn bản gốc mới là căn cứ.',
      },
      {
        prompt: 'Thông tin nào được phép đưa vào công cụ AI công cộng mà không lo lộ bí mật hay dữ liệu cá nhân?',
        choices: [
          'Nội dung thông báo lịch tập huấn đã công khai',
          'Danh sách hộ nghèo kèm số định danh',
          'Mật khẩu hệ thống một cửa',
        ],
        correct: [0],
      },
      {
        prompt: 'Một yêu cầu (prompt) tốt thường có những thành phần nào? (Chọn tất cả đáp án đúng)',
        choices: [
          'Vai trò và bối cảnh',
          'Nhiệm vụ cụ thể',
          'Định dạng mong muốn',
          'Số định danh của người dân liên quan',
        ],
        correct: [0, 1, 2],
      },
      {
        prompt: 'Trước khi nhờ AI chỉnh sửa một đoạn đơn của người dân, bạn cần làm gì?',
        choices: [
          'Ẩn danh: bỏ tên thật, số định danh, số điện thoại, địa chỉ',
          'Không cần làm gì',
          'Thêm số điện thoại để AI liên hệ người dân',
        ],
        correct: [0],
      },
      {
        prompt: 'Vì sao không nên giao cho AI quyết định về quyền lợi của một người dân cụ thể?',
        choices: [
          'AI không có thẩm quyền, không nắm hoàn cảnh cụ thể và có thể sai',
          'Vì AI làm quá chậm',
          'Vì AI không biết tiếng Việt',
        ],
        correct: [0],
      },
      {
        prompt: 'Khi dùng AI để tóm tắt kế hoạch của cấp trên, cần đối chiếu kỹ nhất điều gì?',
        choices: ['Mốc thời gian và con số', 'Phông chữ', 'Độ dài câu'],
        correct: [0],
      },
      {
        prompt: 'Không chắc một tài liệu có được phép đưa vào AI hay không, bạn làm gì?',
        choices: [
          'Hỏi người phụ trách công nghệ thông tin hoặc lãnh đạo đơn vị trước',
          'Cứ đưa vào rồi xóa cuộc trò chuyện sau',
          'Gửi cho đồng nghiệp ở cơ quan khác đưa vào hộ',
        ],
        correct: [0],
      },
    ],
  },
};
