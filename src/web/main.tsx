import { createRoot } from 'react-dom/client';

createRoot(document.getElementById('root')!).render(<div>招商引资平台</div>);
