// Must NOT compile, each element for one reason (the test asserts every line and code).
import type { HarkDismissEvent } from '@hark/widget';
import type {} from '@hark/widget/react';

export const Wrong = () => (
  <div>
    <hark-nps survey-id={42} />
    <hark-nps theme="blue" />
    <hark-csat look="hearts" />
    <hark-ces onhark-answer={(event: HarkDismissEvent) => event.detail.reason} />
    <hark-nps onhark-answer={(event) => event.detail.comment} />
    <hark-survey presentation="popup" />
  </div>
);
