/** 整改期限 as a date picker in Chinese (the browser's own date box follows the machine's locale); the form keeps `YYYY-MM-DD`. */
import { DatePicker, Form } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';

export function DeadlineField() {
  return (
    <Form.Item
      name="deadline"
      label="整改期限"
      rules={[{ required: true, message: '请选择整改期限' }]}
      getValueProps={(value: string | undefined) => ({ value: value ? dayjs(value) : undefined })}
      normalize={(value: Dayjs | null) => value?.format('YYYY-MM-DD')}
    >
      <DatePicker aria-label="整改期限" format="YYYY-MM-DD" placeholder="选择日期" disabledDate={(d) => d.isBefore(dayjs(), 'day')} />
    </Form.Item>
  );
}
