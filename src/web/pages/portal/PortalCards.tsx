import { Anchor, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../i18n/format.ts';
import { cardLink, cardTitle, type PortalCard } from './cards.ts';
import { PortalList } from './PortalParts.tsx';

/** One card: its title, when, a short text and a link, each only when there is one. */
function Card({ card, index }: { card: PortalCard; index: number }) {
  const { t } = useTranslation();
  const format = useFormat();
  const link = cardLink(card.link);
  const titleId = `card-${index}-title`;
  const linkProps = { size: 'lg', fw: 600, 'aria-describedby': titleId } as const;
  return (
    <Paper component="li" withBorder radius="md" p="sm">
      <Stack gap={4}>
        <Title order={3} size="h4" id={titleId}>
          {cardTitle(t, card)}
        </Title>
        {card.at && <Text>{format.when(card.at)}</Text>}
        {card.text && (
          <Text size="lg" dir="auto" className="break-anywhere">
            {card.text}
          </Text>
        )}
        {link &&
          ('to' in link ? (
            <Anchor component={Link} to={link.to} {...linkProps}>
              {t('portal.cardOpen')}
            </Anchor>
          ) : (
            <Anchor href={link.href} rel="noopener noreferrer" {...linkProps}>
              {t('portal.cardOpen')}
            </Anchor>
          ))}
      </Stack>
    </Paper>
  );
}

/** What other modules put on the portal home; nothing at all while there is nothing. */
export function PortalCards({ cards }: { cards: PortalCard[] }) {
  const { t } = useTranslation();
  if (cards.length === 0) return null;
  return (
    <PortalList id="cards-title" title={t('portal.cardsTitle')}>
      {cards.map((card, index) => (
        <Card key={index} card={card} index={index} />
      ))}
    </PortalList>
  );
}
