import { TextField } from './text-field';

type Props = { errors: Record<string, string | undefined>; values: { expiration: string; titulaire: string }; testCard: string };

/** The simulated bank page's four fields, each with its error; the card number and code are never sent back. */
export function CardFields({ errors, values, testCard }: Props) {
  return (
    <>
      <TextField id="carte-numero" name="numero" label="Numéro de la carte" hint={`Carte de test : ${testCard}. Aucune vraie carte n’est acceptée.`} error={errors.numero} inputMode="numeric" autoComplete="off" />
      <TextField id="carte-expiration" name="expiration" label="Date d’expiration (MM/AA)" hint="Une date à venir, par exemple 08/29." error={errors.expiration} defaultValue={values.expiration} className="input--short" autoComplete="off" />
      <TextField id="carte-cryptogramme" name="cryptogramme" label="Cryptogramme" hint="Trois chiffres au choix." error={errors.cryptogramme} inputMode="numeric" className="input--short" autoComplete="off" />
      <TextField id="carte-titulaire" name="titulaire" label="Nom sur la carte" error={errors.titulaire} defaultValue={values.titulaire} autoComplete="off" />
    </>
  );
}
