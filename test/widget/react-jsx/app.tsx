// A React 19 component using every Hark tag with typed props and events: must compile.
import type { HarkAnswerEvent, HarkSubmitDetail } from '@hark/widget';
import type {} from '@hark/widget/react';
import { useRef } from 'react';

export function Feedback(props: { onScore: (score: number) => void }) {
  const nps = useRef<HTMLElementTagNameMap['hark-nps']>(null);
  const onAnswer = (event: HarkAnswerEvent) => props.onScore(event.detail.score);
  const submitter = async (answer: HarkSubmitDetail) => {
    await fetch('/answers', { method: 'POST', body: JSON.stringify(answer) });
  };
  return (
    <div className="feedback">
      <hark-nps
        ref={nps}
        survey-id="checkout-nps"
        locale="de"
        heading-level={3}
        no-dismiss
        onhark-answer={onAnswer}
        onhark-submit={(event) => {
          if (event.detail.comment?.includes('http')) event.preventDefault();
        }}
        onhark-dismiss={(event) => console.log(event.detail.reason)}
        onhark-shown={(event) => console.log(event.detail.surveyId)}
        onhark-error={(event) => console.error(event.detail.error)}
      />
      <hark-csat surveyId="support-csat" look="stars" theme="dark" lowLabel="Bad" score={4} />
      <hark-ces
        survey-id="setup-ces"
        question="How easy was the setup?"
        noFollowUp
        submitter={submitter}
        onhark-answer={(event) => props.onScore(event.detail.score + 0)}
      />
      <hark-survey
        definition={{ id: 'onboarding', kind: 'nps', followUp: false }}
        presentation="tab"
        launcher-label="Feedback"
        onhark-submit={(event) => console.log(event.detail.kind, event.detail.score)}
      />
    </div>
  );
}
