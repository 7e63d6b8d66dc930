import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, within } from 'storybook/test';
import { CARD_ISSUERS, cardFilter, enabledCardCodes, type CardCode } from 'react-iamport-jtnet/core';

/** The official card issuer table and what a `card.detail` filter leaves on. */
function CardIssuerTable({ only }: { only?: CardCode[] }) {
  const detail = only?.length ? cardFilter.only(only) : undefined;
  const enabled = new Set(
    enabledCardCodes(
      detail,
      CARD_ISSUERS.map((issuer) => issuer.code),
    ),
  );
  return (
    <figure style={{ margin: 0, fontFamily: 'system-ui, sans-serif' }}>
      <figcaption>
        <code>card.detail</code> = <code>{JSON.stringify(detail ?? [])}</code>
      </figcaption>
      <table>
        <thead>
          <tr>
            <th scope="col">code</th>
            <th scope="col">한국어</th>
            <th scope="col">English</th>
            <th scope="col">offered</th>
          </tr>
        </thead>
        <tbody>
          {CARD_ISSUERS.map((issuer) => (
            <tr key={issuer.code}>
              <td>
                <code>{issuer.code}</code>
              </td>
              <td>{issuer.ko}</td>
              <td>{issuer.en}</td>
              <td>{enabled.has(issuer.code) ? 'yes' : 'no'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}

const meta = {
  title: 'Core/Card issuers',
  component: CardIssuerTable,
} satisfies Meta<typeof CardIssuerTable>;
export default meta;
type Story = StoryObj<typeof meta>;

export const AllCards: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getAllByRole('row')).toHaveLength(27);
    await expect(canvas.queryAllByRole('cell', { name: 'no' })).toHaveLength(0);
  },
};

export const OnlyShinhan: Story = {
  args: { only: ['366'] },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getAllByRole('cell', { name: 'yes' })).toHaveLength(1);
    const row = canvas.getByRole('cell', { name: '신한' }).closest('tr')!;
    await expect(within(row).getByRole('cell', { name: 'yes' })).toBeInTheDocument();
  },
};
