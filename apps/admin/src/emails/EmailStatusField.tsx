import type { EmailDto, EmailStatus } from '@keyhouse/shared-contracts';
import InfoOutlinedIcon from '@mui/icons-material/InfoOutlined';
import { Chip, type ChipProps, Tooltip } from '@mui/material';
import { useRecordContext } from 'react-admin';

const STATUS_LABELS: Record<EmailStatus, string> = { pending: 'Pending', sent: 'Sent', failed: 'Failed' };
const STATUS_COLORS: Record<EmailStatus, ChipProps['color']> = { pending: 'warning', sent: 'success', failed: 'error' };

export const STATUS_CHOICES = Object.entries(STATUS_LABELS).map(([id, name]) => ({ id, name }));

/**
 * The delivery status as a chip. When the mail has not gone out, the chip says why
 * on hover and on keyboard focus; it is focusable for that reason.
 */
export const EmailStatusField = () => {
  const record = useRecordContext<EmailDto>();
  if (!record) return null;
  const chipProps: ChipProps = {
    size: 'small',
    label: STATUS_LABELS[record.status],
    color: STATUS_COLORS[record.status],
    variant: record.status === 'sent' ? 'filled' : 'outlined',
    sx: { width: 'fit-content' },
  };
  if (!record.notSentReason) return <Chip {...chipProps} />;
  return (
    // describeChild: the chip keeps "Pending" as its name, the reason becomes its description.
    <Tooltip title={record.notSentReason} describeChild>
      <Chip {...chipProps} icon={<InfoOutlinedIcon />} tabIndex={0} />
    </Tooltip>
  );
};
