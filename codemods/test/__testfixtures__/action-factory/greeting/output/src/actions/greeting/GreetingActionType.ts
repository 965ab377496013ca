export enum GreetingActionType {
  Say = '@app/Greeting/Say',
  Wave = '@app/Greeting/Wave',
  Reset = '@app/Greeting/Reset',
}
