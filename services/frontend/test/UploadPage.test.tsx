import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { setApiBase } from '../src/api/client';
import { uploadFile } from '../src/api/upload';
import { UploadPage, UploadProgress } from '../src/pages/UploadPage';
import { sendJson, startApiServer } from './support/api-server';

describe('UploadProgress', () => {
  it('reports the fraction as a labelled percentage', () => {
    render(<UploadProgress fraction={0.426} />);
    const bar = screen.getByLabelText('Upload progress');
    expect(bar).toHaveAttribute('value', '43');
    expect(screen.getByText('43%')).toBeInTheDocument();
  });
});

describe('uploadFile', () => {
  afterEach(() => setApiBase(''));

  it('reports rising progress that ends at 1 and resolves with the stored object', async () => {
    const api = await startApiServer((req, res) =>
      sendJson(res, 201, {
        key: 'uploads/x.bin',
        size: req.body.length,
        contentType: 'application/octet-stream',
      }),
    );
    setApiBase(api.url);
    try {
      const fractions: number[] = [];
      const result = await uploadFile(new File([new Uint8Array(50_000)], 'x.bin'), (f) => fractions.push(f))
        .promise;
      expect(result.key).toBe('uploads/x.bin');
      expect(result.size).toBeGreaterThan(50_000); // multipart framing around the 50 kB body
      expect(fractions.at(-1)).toBe(1);
      expect([...fractions].sort((a, b) => a - b)).toEqual(fractions);
    } finally {
      await api.close();
    }
  });
});

describe('UploadPage', () => {
  afterEach(() => setApiBase(''));

  it('uploads over XHR, shows progress while waiting and the stored key after', async () => {
    let release: (() => void) | undefined;
    const api = await startApiServer(
      (req, res) =>
        new Promise<void>((resolve) => {
          release = () => {
            sendJson(res, 201, {
              key: 'uploads/abc-notes.txt',
              size: req.body.length,
              contentType: 'text/plain',
            });
            resolve();
          };
        }),
    );
    setApiBase(api.url);
    try {
      render(<UploadPage />);
      const file = new File(['hello upload'.repeat(1000)], 'notes.txt', { type: 'text/plain' });
      await userEvent.upload(screen.getByLabelText('File'), file);
      await userEvent.click(screen.getByRole('button', { name: 'Upload' }));

      // jsdom reports upload progress only once the response starts, so while the server holds it we see 0%
      expect(await screen.findByLabelText('Upload progress')).toHaveAttribute('value', '0');
      expect(screen.getByRole('button', { name: 'Uploading…' })).toBeDisabled();
      await waitFor(() => expect(release).toBeDefined());
      release!();

      expect(await screen.findByTestId('upload-key')).toHaveTextContent('uploads/abc-notes.txt');
      const sent = api.requests[0]!;
      expect(sent.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
      expect(sent.body.toString()).toContain('name="file"; filename="notes.txt"');
    } finally {
      await api.close();
    }
  });

  it('shows the problem+json title when the gateway rejects the file', async () => {
    const api = await startApiServer((_req, res) =>
      sendJson(
        res,
        415,
        { title: 'Unsupported file type', status: 415, detail: 'application/x-msdownload' },
        'application/problem+json',
      ),
    );
    setApiBase(api.url);
    try {
      render(<UploadPage />);
      await userEvent.upload(screen.getByLabelText('File'), new File(['MZ'], 'tool.exe'));
      await userEvent.click(screen.getByRole('button', { name: 'Upload' }));
      expect(await screen.findByRole('alert')).toHaveTextContent(
        'Unsupported file type: application/x-msdownload',
      );
    } finally {
      await api.close();
    }
  });
});
