// Without `@hark/widget/react`, React knows no Hark tag (the symptom): must NOT compile.
export const Bare = () => <hark-nps survey-id="checkout-nps" />;
